import { PLUGIN_ID } from './entities';

/** Admin permissions: give editors `sync` (and `read`) to let them sync; `settings` stays with admins. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  sync: `plugin::${PLUGIN_ID}.sync`,
  settings: `plugin::${PLUGIN_ID}.settings`,
} as const;

export const PERMISSION_ACTIONS = [
  { section: 'plugins', displayName: 'See sync status and log', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Sync with Medusa', uid: 'sync', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Change connection settings', uid: 'settings', pluginName: PLUGIN_ID },
];
