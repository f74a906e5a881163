export const PLUGIN_ID = 'commerce-bridge';

export const ENTITIES = ['product', 'category', 'collection'] as const;
export type Entity = (typeof ENTITIES)[number];

export const SYNC_LOG_UID = 'plugin::commerce-bridge.sync-log';

export const entityUid = (entity: Entity) => `plugin::${PLUGIN_ID}.${entity}` as const;

export const isEntity = (value: unknown): value is Entity => ENTITIES.includes(value as Entity);

/** The entity a content-type uid holds, or undefined for every other content type. */
export const entityOfUid = (uid: string): Entity | undefined =>
  ENTITIES.find((entity) => entityUid(entity) === uid);

/** Fields Medusa owns: written only by the catalogue sync, never sent back to Medusa. */
export const MEDUSA_OWNED_FIELDS = ['medusa_id', 'handle', 'title'] as const;

/** Fields editors own, per entity: sent to Medusa, never written by the catalogue sync. */
export const EDITOR_OWNED_FIELDS: Record<Entity, readonly string[]> = {
  product: ['description', 'seo_title', 'seo_description', 'gallery', 'sections'],
  category: ['description', 'seo_title', 'seo_description'],
  collection: ['description', 'seo_title', 'seo_description'],
};
