import type { Core } from '@strapi/strapi';
import { entityOfUid, PLUGIN_ID } from './entities';
import { isMedusaWrite } from './origin';

interface DocumentContext {
  uid: string;
  action: string;
  params?: { documentId?: string; status?: string };
}

/** Admin publish arrives as `publish`; a REST create/update without `?status=draft` publishes too. */
const publishes = ({ action, params }: DocumentContext) =>
  action === 'publish' || ((action === 'create' || action === 'update') && params?.status === 'published');

/**
 * Sends content to Medusa when an editor publishes it. Writes that came from Medusa are not sent
 * back (origin marker), and Medusa only writes the fields it owns, so nothing ping-pongs.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context: DocumentContext, next) => {
    const result = await next();
    const entity = entityOfUid(context.uid);
    if (!entity || isMedusaWrite() || !publishes(context)) return result;
    const documentId = context.params?.documentId ?? (result as { documentId?: string } | undefined)?.documentId;
    if (!documentId) return result;
    // After the publish has committed, and without holding up the editor's request.
    setImmediate(() => {
      strapi
        .plugin(PLUGIN_ID)
        .service('content')
        .deliver(entity, documentId, 'publish')
        .catch((error: Error) => strapi.log.error(`commerce-bridge: could not send ${entity} ${documentId} to Medusa: ${error.message}`));
    });
    return result;
  });
};

export default register;
