import path from 'path';
import type { Core } from '@strapi/strapi';

/** SQLite in .tmp/ by default; DATABASE_CLIENT=postgres with DATABASE_URL for PostgreSQL. */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  if (env('DATABASE_CLIENT', 'sqlite') === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: { connectionString: env('DATABASE_URL'), schema: env('DATABASE_SCHEMA', 'public') },
        pool: { min: 0, max: env.int('DATABASE_POOL_MAX', 10) },
      },
    };
  }
  return {
    connection: {
      client: 'sqlite',
      // Compiled to dist/config: the app's root is two levels up.
      connection: { filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')) },
      useNullAsDefault: true,
    },
  };
};
