import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122042528 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "commerce_bridge_integration" drop constraint if exists "commerce_bridge_integration_name_unique";`);
    this.addSql(`create table if not exists "commerce_bridge_integration" ("id" text not null, "name" text not null, "enabled" boolean null, "settings" jsonb not null default '{}', "secrets_sealed" text null, "health_status" text check ("health_status" in ('unknown', 'up', 'down')) not null default 'unknown', "health_latency_ms" integer null, "health_checked_at" timestamptz null, "health_error" text null, "health_details" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commerce_bridge_integration_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_commerce_bridge_integration_name_unique" ON "commerce_bridge_integration" ("name") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_integration_deleted_at" ON "commerce_bridge_integration" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce_bridge_integration" cascade;`);
  }

}
