import { ACTIONS } from '../permissions';

const allowed = (action: string) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: [action] } }] });

const adminRoutes = [
  ['GET', '/status', 'admin.status', ACTIONS.read],
  ['GET', '/sync-logs', 'admin.syncLogs', ACTIONS.read],
  ['POST', '/sync-logs/:id/retry', 'admin.retryLog', ACTIONS.sync],
  ['POST', '/documents/:entity/:documentId/sync', 'admin.syncDocument', ACTIONS.sync],
  ['POST', '/pushes', 'admin.startPush', ACTIONS.sync],
  ['GET', '/pushes/:id', 'admin.push', ACTIONS.sync],
  ['POST', '/pulls', 'admin.startPull', ACTIONS.sync],
  ['GET', '/pulls/:id', 'admin.pull', ACTIONS.sync],
  ['GET', '/settings', 'admin.settings', ACTIONS.settings],
  ['PUT', '/settings', 'admin.updateSettings', ACTIONS.settings],
] as const;

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/status', handler: 'catalogue.status', config: { policies: [] } },
      { method: 'PUT', path: '/catalogue/:entity', handler: 'catalogue.upsert', config: { policies: [] } },
      { method: 'DELETE', path: '/catalogue/:entity/:medusaId', handler: 'catalogue.remove', config: { policies: [] } },
    ],
  },
  admin: {
    type: 'admin',
    routes: adminRoutes.map(([method, path, handler, action]) => ({ method, path, handler, config: allowed(action) })),
  },
};
