CREATE TABLE "store_generations" (
	"id" serial PRIMARY KEY NOT NULL,
	"token" text DEFAULT gen_random_uuid()::text NOT NULL,
	"announced" boolean DEFAULT false NOT NULL,
	"reason" text DEFAULT 'migration' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_generations_token_unique" UNIQUE("token")
);
--> statement-breakpoint
-- Every store starts with a token of its own: a cache filled from another store (or none) does not match it.
INSERT INTO "store_generations" ("reason") VALUES ('created');
