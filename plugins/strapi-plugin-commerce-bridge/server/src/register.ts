import type { Core } from '@strapi/strapi';
import { afterCommit } from './after-commit';
import { entityOfUid, entityUid, PLUGIN_ID, type Entity } from './entities';
import { isMedusaWrite } from './origin';
import type { Withdrawal } from './services/content';

interface DocumentContext {
  uid: string;
  action: string;
  params?: { documentId?: string; status?: string; locale?: unknown };
}

/** Admin publish arrives as `publish`; a REST create/update without `?status=draft` publishes too. */
const publishes = ({ action, params }: DocumentContext) =>
  action === 'publish' || ((action === 'create' || action === 'update') && params?.status === 'published');

const withdraws = (action: string): action is 'unpublish' | 'delete' => action === 'unpublish' || action === 'delete';

/**
 * Sends content to Medusa when an editor publishes it, and withdraws it when an editor unpublishes or
 * deletes the entry. Writes that came from Medusa (its catalogue upserts and deletes) are not sent back
 * (origin marker), and Medusa only writes the fields it owns, so nothing ping-pongs.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  const content = () => strapi.plugin(PLUGIN_ID).service('content');
  const failed = (what: string) => (error: Error) => strapi.log.error(`commerce-bridge: could not ${what}: ${error.message}`);

  /** The entry's Medusa id, read before the action: after a delete there is nothing left to read. */
  async function withdrawalOf(entity: Entity, { action, params }: DocumentContext): Promise<Withdrawal | undefined> {
    if (!params?.documentId) return undefined;
    // Unpublishing a never-published entry changes nothing Medusa holds; a delete may remove Medusa's record of the entry.
    const entry = await strapi.documents(entityUid(entity) as any).findOne({
      documentId: params.documentId,
      status: action === 'unpublish' ? 'published' : 'draft',
      fields: ['medusa_id'],
    } as any);
    if (!entry?.medusa_id) return undefined;
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : null;
    return { medusa_id: entry.medusa_id, document_id: params.documentId, locale };
  }

  strapi.documents.use(async (context: DocumentContext, next) => {
    const entity = entityOfUid(context.uid);
    if (!entity || isMedusaWrite()) return next();
    const { action } = context;
    if (withdraws(action)) {
      const withdrawal = await withdrawalOf(entity, context);
      const result = await next();
      if (withdrawal) {
        afterCommit(strapi, () => content().withdraw(entity, withdrawal, action).catch(failed(`withdraw ${entity} ${withdrawal.medusa_id} from Medusa`)));
      }
      return result;
    }
    const result = await next();
    if (!publishes(context)) return result;
    const documentId = context.params?.documentId ?? (result as { documentId?: string } | undefined)?.documentId;
    if (!documentId) return result;
    afterCommit(strapi, () => content().deliver(entity, documentId, 'publish').catch(failed(`send ${entity} ${documentId} to Medusa`)));
    return result;
  });
};

export default register;
