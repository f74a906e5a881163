/**
 * Counts SQL statements this process sends to PostgreSQL, at the driver: every `pg` client query, whether it
 * comes from knex, MikroORM (Medusa shares one `pg`) or a provider's `manager.execute`. One statement is one
 * round trip. Import before anything opens a connection.
 */
import { Client } from "pg"

let statements = 0
const query = Client.prototype.query as (...args: unknown[]) => unknown
;(Client.prototype as { query: typeof query }).query = function countedQuery(this: Client, ...args: unknown[]) {
  statements++
  return query.apply(this, args)
}

export const sqlStatements = () => statements
