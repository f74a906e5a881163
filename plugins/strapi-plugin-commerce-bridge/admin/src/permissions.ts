import { PLUGIN_ID } from './pluginId';

const permission = (action: 'read' | 'sync' | 'settings') => [{ action: `plugin::${PLUGIN_ID}.${action}`, subject: null }];

/** Module-level so hooks such as useRBAC receive the same arrays on every render. */
export const PERMISSIONS = {
  read: permission('read'),
  sync: permission('sync'),
  settings: permission('settings'),
};
