import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122221439 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "commerce_bridge_strapi_sync_run" drop constraint if exists "commerce_bridge_strapi_sync_run_status_unique";`);
    this.addSql(`alter table if exists "commerce_bridge_cms_content" drop constraint if exists "commerce_bridge_cms_content_entity_id_entity_unique";`);
    this.addSql(`create table if not exists "commerce_bridge_cms_content" ("id" text not null, "entity" text check ("entity" in ('product', 'category', 'collection')) not null, "entity_id" text not null, "strapi_document_id" text null, "locale" text null, "description" text null, "seo_title" text null, "seo_description" text null, "gallery" jsonb null, "sections" jsonb null, "content_hash" text null, "published_at" timestamptz null, "received_at" timestamptz null, "catalogue_hash" text null, "pushed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commerce_bridge_cms_content_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_cms_content_deleted_at" ON "commerce_bridge_cms_content" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_commerce_bridge_cms_content_entity_id_entity_unique" ON "commerce_bridge_cms_content" ("entity_id", "entity") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "commerce_bridge_strapi_sync_run" ("id" text not null, "status" text check ("status" in ('running', 'completed', 'failed')) not null default 'running', "entities" jsonb not null, "current_entity" text null, "cursor" text null, "total" integer not null default 0, "done" integer not null default 0, "failed" integer not null default 0, "error" text null, "started_at" timestamptz not null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commerce_bridge_strapi_sync_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_strapi_sync_run_deleted_at" ON "commerce_bridge_strapi_sync_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_commerce_bridge_strapi_sync_run_status_unique" ON "commerce_bridge_strapi_sync_run" ("status") WHERE status = 'running' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce_bridge_cms_content" cascade;`);

    this.addSql(`drop table if exists "commerce_bridge_strapi_sync_run" cascade;`);
  }

}
