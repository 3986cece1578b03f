ALTER TABLE "performances" ADD COLUMN "moved_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "performances" ADD COLUMN "start_sequence" integer DEFAULT 0 NOT NULL;