/** Types for `build.mjs` (plain JS so `next.config.mjs` and `cache-handler.mjs` can import it). */
import type { z } from "zod";

type Url = z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;

export declare const url: (what: string) => Url;

export declare const buildEnvShape: {
  NODE_ENV: z.ZodDefault<z.ZodEnum<{ development: "development"; production: "production"; test: "test" }>>;
  SPEKTRIX_BASE_URL: z.ZodDefault<Url>;
  SPEKTRIX_WEB_COMPONENTS_URL: z.ZodOptional<Url>;
  REDIS_URL: z.ZodOptional<z.ZodString>;
  REDIS_KEY_PREFIX: z.ZodDefault<z.ZodString>;
  REDIS_CACHE_TIMEOUT_MS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
  REDIS_CACHE_CONNECT_WAIT_MS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
  SYNC_SCHEDULE: z.ZodDefault<z.ZodEnum<{ on: "on"; off: "off" }>>;
  LOG_LEVEL: z.ZodDefault<
    z.ZodEnum<{
      fatal: "fatal";
      error: "error";
      warn: "warn";
      info: "info";
      debug: "debug";
      trace: "trace";
      silent: "silent";
    }>
  >;
  NEXT_DIST_DIR: z.ZodDefault<z.ZodString>;
  NEXT_COMPILE_HINTS: z.ZodDefault<z.ZodEnum<{ on: "on"; off: "off" }>>;
  VENUE_LOCALE: z.ZodDefault<z.ZodString>;
  VENUE_CURRENCY: z.ZodDefault<z.ZodString>;
};

export type BuildEnv = z.output<z.ZodObject<typeof buildEnvShape>>;

export declare function cleanEnv(source: Record<string, string | undefined>): Record<string, string>;
export declare function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string[];
export declare function buildEnv(source?: Record<string, string | undefined>): BuildEnv;
