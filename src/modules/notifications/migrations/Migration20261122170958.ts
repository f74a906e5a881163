import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122170958 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "commerce_bridge_delivery" drop constraint if exists "commerce_bridge_delivery_idempotency_key_unique";`);
    this.addSql(`create table if not exists "commerce_bridge_delivery" ("id" text not null, "idempotency_key" text not null, "event" text null, "template" text not null, "channel" text check ("channel" in ('email', 'sms', 'whatsapp')) not null, "locale" text not null, "recipient" text not null, "resource_type" text null, "resource_id" text null, "provider" text null, "status" text check ("status" in ('queued', 'sent', 'delivered', 'bounced', 'failed', 'undelivered', 'dead', 'outboxed')) not null default 'queued', "status_reason" text null, "attempts" integer not null default 0, "subject" text null, "html" text null, "text" text not null, "external_id" text null, "notification_id" text null, "resent_from_id" text null, "last_attempt_at" timestamptz null, "sent_at" timestamptz null, "status_changed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commerce_bridge_delivery_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_commerce_bridge_delivery_idempotency_key_unique" ON "commerce_bridge_delivery" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_delivery_deleted_at" ON "commerce_bridge_delivery" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_delivery_external_id" ON "commerce_bridge_delivery" ("external_id") WHERE external_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_delivery_status" ON "commerce_bridge_delivery" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commerce_bridge_delivery_resource_id" ON "commerce_bridge_delivery" ("resource_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commerce_bridge_delivery" cascade;`);
  }

}
