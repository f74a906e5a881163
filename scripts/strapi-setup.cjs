// Prepares the dev Strapi app in strapi/ and the plugin it enables: install, build, start.
// Used by `npm run dev`, by the tests and benchmarks that boot a real Strapi, and by .ci/run
// (`node scripts/strapi-setup.cjs install`).
const { execFileSync, spawn } = require("node:child_process")
const { existsSync, lstatSync, mkdirSync, readdirSync, statSync, symlinkSync } = require("node:fs")
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..")
const STRAPI_DIR = path.join(ROOT, "strapi")
const PLUGIN_DIR = path.join(ROOT, "plugins", "strapi-plugin-commerce-bridge")
const STRAPI_BIN = path.join(STRAPI_DIR, "node_modules", "@strapi", "strapi", "bin", "strapi.js")

const log = (message) => console.log(`[strapi] ${message}`)

function newestMtime(target) {
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs)
}

const isInstalled = () => existsSync(STRAPI_BIN)

/** Installs strapi/ (about 4 minutes the first time, better-sqlite3 builds from source). */
function install() {
  if (isInstalled()) return
  log("Installing the dev Strapi app (strapi/): a few minutes the first time...")
  execFileSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: STRAPI_DIR, stdio: "inherit" })
}

function assertInstalled() {
  if (!isInstalled()) {
    throw new Error("The dev Strapi app is not installed: run `node scripts/strapi-setup.cjs install` (or `npm run dev` once)")
  }
}

/** The plugin builds with the app's toolchain: its node_modules is a link to strapi/node_modules. */
function linkPluginDependencies() {
  const link = path.join(PLUGIN_DIR, "node_modules")
  const exists = (() => {
    try {
      return Boolean(lstatSync(link))
    } catch {
      return false
    }
  })()
  if (!exists) symlinkSync(path.relative(PLUGIN_DIR, path.join(STRAPI_DIR, "node_modules")), link, "dir")
}

/** Builds the plugin (about 20 s) when its sources are newer than dist/. */
function buildPlugin() {
  assertInstalled()
  linkPluginDependencies()
  const built = path.join(PLUGIN_DIR, "dist", "server", "index.js")
  const sources = ["server/src", "admin/src", "package.json"].map((part) => newestMtime(path.join(PLUGIN_DIR, part)))
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return
  log("Building @commerce-bridge/strapi-plugin...")
  execFileSync(path.join(STRAPI_DIR, "node_modules", ".bin", "strapi-plugin"), ["build"], { cwd: PLUGIN_DIR, stdio: "inherit" })
}

const APP_SOURCES = ["config", "src", "tsconfig.json", "package.json"].map((part) => path.join(STRAPI_DIR, part))

const isFresh = (built, inputs) => existsSync(built) && statSync(built).mtimeMs >= Math.max(...inputs.map(newestMtime))

/** The app is TypeScript: `strapi start` runs its compiled dist/ (about 3 s to compile). */
function compileApp() {
  if (isFresh(path.join(STRAPI_DIR, "dist", "src", "index.js"), APP_SOURCES)) return
  log("Compiling the Strapi app...")
  const compile = "require('@strapi/typescript-utils').compile(process.cwd(), { configOptions: { ignoreDiagnostics: false } }).catch(() => process.exit(1))"
  execFileSync(process.execPath, ["-e", compile], { cwd: STRAPI_DIR, stdio: "inherit" })
}

/** Strapi's local upload provider refuses to boot without its folder (not in git: uploads are data). */
const ensureUploadsFolder = () => mkdirSync(path.join(STRAPI_DIR, "public", "uploads"), { recursive: true })

/** Everything `strapi start` needs without the admin UI: the plugin, the compiled app and the uploads folder. */
function buildServer() {
  buildPlugin()
  compileApp()
  ensureUploadsFolder()
}

/** Builds the app and its admin (about a minute) when the plugin or the app changed since the last build. */
function buildAdmin() {
  buildPlugin()
  ensureUploadsFolder()
  const built = path.join(STRAPI_DIR, "dist", "build", "index.html")
  if (isFresh(built, [path.join(PLUGIN_DIR, "dist"), ...APP_SOURCES])) return
  log("Building the Strapi admin...")
  execFileSync(process.execPath, [STRAPI_BIN, "build"], { cwd: STRAPI_DIR, stdio: "inherit", env: { ...process.env, STRAPI_TELEMETRY_DISABLED: "true" } })
}

/** Spawns `strapi start` (or `develop`) in strapi/ with this environment added. */
function spawnStrapi(env, { command = "start", stdio = "inherit", detached = false } = {}) {
  return spawn(process.execPath, [STRAPI_BIN, command], {
    cwd: STRAPI_DIR,
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: "true", NODE_ENV: env.NODE_ENV || "development", ...env },
    stdio,
    detached,
  })
}

module.exports = { STRAPI_DIR, PLUGIN_DIR, install, assertInstalled, buildPlugin, buildServer, buildAdmin, spawnStrapi, isInstalled }

if (require.main === module) {
  const step = process.argv[2]
  const steps = { install: () => (install(), buildServer()), "build-server": buildServer, "build-admin": buildAdmin }
  if (!steps[step]) {
    console.error(`usage: node scripts/strapi-setup.cjs ${Object.keys(steps).join("|")}`)
    process.exit(2)
  }
  steps[step]()
}
