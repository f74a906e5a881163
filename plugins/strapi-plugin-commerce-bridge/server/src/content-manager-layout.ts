import type { Core } from '@strapi/strapi';
import { ENTITIES, entityUid, MEDUSA_OWNED_FIELDS } from './entities';

const OWNED_BY_MEDUSA = 'Owned by Medusa: set by the catalogue sync, not editable here';

/**
 * Shows the Medusa-owned fields read-only in the edit view, so editors see at a glance what they
 * write (everything else) and what the catalogue sync overwrites.
 */
export async function lockMedusaOwnedFields(strapi: Core.Strapi) {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const entity of ENTITIES) {
    const contentType = contentTypes.findContentType(entityUid(entity));
    const configuration = await contentTypes.findConfiguration(contentType);
    const metadatas = configuration?.metadatas;
    if (!metadatas) continue;
    const unlocked = MEDUSA_OWNED_FIELDS.filter((field) => metadatas[field]?.edit && metadatas[field].edit.editable !== false);
    if (!unlocked.length) continue;
    for (const field of unlocked) Object.assign(metadatas[field].edit, { editable: false, description: OWNED_BY_MEDUSA });
    await contentTypes.updateConfiguration(contentType, { layouts: configuration.layouts, metadatas, settings: configuration.settings });
  }
}
