import type { Core } from '@strapi/strapi';

/**
 * Runs `task` once the write that is under way has committed, without holding up the editor's
 * request: on the next tick after a document action's own transaction, or when an enclosing one
 * (bulk publish/unpublish/delete) commits, and never when that one rolls back.
 */
export function afterCommit(strapi: Core.Strapi, task: () => void): void {
  const later = () => void setImmediate(task);
  if (!strapi.db.inTransaction()) return later();
  void strapi.db.transaction(async ({ onCommit }) => onCommit(later));
}
