import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122195235 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "commerce_bridge_engagement" ("id" text not null, "kind" text check ("kind" in ('product_description', 'seo', 'customer_message', 'campaign')) not null, "subject_type" text check ("subject_type" in ('product', 'customer', 'order')) not null, "subject_id" text not null, "locale" text not null, "tone" text not null, "channel" text check ("channel" in ('email', 'sms')) null, "status" text check ("status" in ('draft', 'approved', 'applied', 'sent', 'rejected', 'failed')) not null default 'draft', "content" jsonb null, "instructions" text null, "error" text null, "model" text null, "prompt_version" text null, "input_hash" text null, "tokens_in" integer not null default 0, "tokens_out" integer not null default 0, "cost_usd" real not null default 0, "reused_from_id" text null, "requested_by" text null, "approved_by" text null, "approved_at" timestamptz null, "applied_at" timestamptz null, "delivery_id" text null, "bulk_run_id" text null, "previous" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commerce_bridge_engagement_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_engagement_deleted_at" ON "commerce_bridge_engagement" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_engagement_input_hash" ON "commerce_bridge_engagement" ("input_hash") WHERE input_hash IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_engagement_subject_id" ON "commerce_bridge_engagement" ("subject_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_engagement_bulk_run_id" ON "commerce_bridge_engagement" ("bulk_run_id") WHERE bulk_run_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_engagement_created_at" ON "commerce_bridge_engagement" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "commerce_bridge_engagement_bulk_run" ("id" text not null, "kind" text check ("kind" in ('product_description', 'seo', 'customer_message', 'campaign')) not null, "locale" text not null, "tone" text not null, "instructions" text null, "model" text not null, "product_count" integer not null, "done" integer not null default 0, "failed" integer not null default 0, "estimated_cost_usd" real not null default 0, "actual_cost_usd" real not null default 0, "status" text check ("status" in ('queued', 'running', 'completed', 'cancelled')) not null default 'queued', "error" text null, "requested_by" text null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commerce_bridge_engagement_bulk_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_engagement_bulk_run_deleted_at" ON "commerce_bridge_engagement_bulk_run" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce_bridge_engagement" cascade;`);

    this.addSql(`drop table if exists "commerce_bridge_engagement_bulk_run" cascade;`);
  }

}
