ALTER TABLE "sync_runs" ADD COLUMN "scope" text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "settings_version" integer;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;