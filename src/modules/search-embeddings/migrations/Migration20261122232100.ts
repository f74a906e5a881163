import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122232100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "commerce_bridge_search_embedding" ("id" text not null, "model" text not null, "dimensions" integer not null, "embedding" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commerce_bridge_search_embedding_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_search_embedding_deleted_at" ON "commerce_bridge_search_embedding" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce_bridge_search_embedding" cascade;`);
  }

}
