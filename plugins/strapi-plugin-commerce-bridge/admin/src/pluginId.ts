export const PLUGIN_ID = 'commerce-bridge';

/** Where the admin API of the server plugin is mounted. */
export const API_BASE = `/${PLUGIN_ID}`;

/** The content types this plugin owns and sends to Medusa, by entity name. */
export const ENTITIES = ['product', 'category', 'collection'] as const;
export type Entity = (typeof ENTITIES)[number];

export const entityUid = (entity: Entity) => `plugin::${PLUGIN_ID}.${entity}`;

/** The entity a content-type uid holds, or undefined for every other content type. */
export const entityOfUid = (uid: string | undefined): Entity | undefined =>
  ENTITIES.find((entity) => entityUid(entity) === uid);
