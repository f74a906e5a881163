/** What the content manager passes to document actions and side panels of the edit view. */
export interface EditViewProps {
  model: string;
  documentId?: string;
  document?: { status?: 'draft' | 'published' | 'modified' };
  collectionType: string;
  activeTab?: 'draft' | 'published' | null;
}

/** Only the published version reaches Medusa; "modified" means published with newer draft changes. */
export const isPublished = ({ documentId, document }: EditViewProps) =>
  Boolean(documentId) && (document?.status === 'published' || document?.status === 'modified');

/** Fired after "Sync to Medusa" so the Medusa side panel shows the new delivery. */
export const ENTRY_SYNCED_EVENT = 'commerce-bridge:entry-synced';
