ALTER TABLE "events" ADD COLUMN "credits" jsonb;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "trailer_url" text;