ALTER TABLE "performances" ADD COLUMN "rescheduled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "performances" ADD COLUMN "rescheduled_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "slug" text;--> statement-breakpoint
-- Filled by the next sync: the mapping version moved (every performance is rewritten once) and a venue whose
-- stored slug differs from its name's is updated, so the slug rule lives only in lib/text/slug.ts.
