import { de } from "./de"
import { en } from "./en"

export type { LocaleStrings } from "./en"

/** Built-in locales; a store adds more with `locales/<code>.json` in its templates folder. */
export const BUILT_IN_LOCALES: Record<string, Record<string, Record<string, string>>> = { en, de }

export const FALLBACK_LOCALE = "en"
