ALTER TABLE "events" ADD COLUMN "yielded_slug" text;--> statement-breakpoint
-- Kept events that already gave up their slug (`{slug}-kept-{client}`, written before this column) record it, so
-- they take it back when their client is in use again.
UPDATE "events" SET "yielded_slug" = left("slug", length("slug") - length('-kept-' || "parked_from"))
WHERE "parked_from" IS NOT NULL
  AND length("slug") > length('-kept-' || "parked_from")
  AND right("slug", length('-kept-' || "parked_from")) = '-kept-' || "parked_from";
