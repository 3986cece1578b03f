import type { Context } from "hono";
import type { HttpBindings } from "@hono/node-server";
import { getCookie, setCookie } from "hono/cookie";
import type { z } from "zod";
import { ApiError, badRequest } from "./errors";
import type { Faults, RequestLog, LoggedRequest } from "./faults";
import type { Session, Store } from "./state";

export interface EmulatorConfig {
  clientName: string;
  origins: string[];
  control: boolean;
  apiUsers: Map<string, string>;
  maxSkewMs: number;
  /**
   * Web-mode API calls that do not come from a browser on an allowed origin are refused with a bot-block page
   * (true by default). false restores the old leniency for tools that need it.
   */
  webModeFromBrowsersOnly: boolean;
  /** Origins of the payment provider (card fields) and the card issuer (3-D Secure), each its own host. */
  paymentHosts: PaymentHosts;
}

export interface PaymentHosts {
  provider: string;
  issuer: string;
}

export interface Emu {
  config: EmulatorConfig;
  store: Store;
  faults: Faults;
  requests: RequestLog;
}

export type AppEnv = {
  Bindings: HttpBindings;
  Variables: {
    mode: LoggedRequest["mode"];
    fromBrowser: boolean;
    rawBody: string;
    emptyCatalogue: boolean;
    vanishPercent: number;
  };
};

export type Ctx = Context<AppEnv>;

export const SESSION_COOKIE = "SpektrixEmulatorSession";

/** The web session behind the cookie, created (and the cookie set) on first use. */
export function webSession(c: Ctx, emu: Emu, create = true): Session | null {
  const id = getCookie(c, SESSION_COOKIE);
  const existing = id ? emu.store.sessions.get(id) : undefined;
  if (existing) return existing;
  if (!create) return null;
  const session = emu.store.newSession();
  const secure = (c.req.header("x-forwarded-proto") ?? new URL(c.req.url).protocol.replace(":", "")) === "https";
  // SameSite=None needs Secure; over plain http the site and emulator should share a host name (ports don't matter).
  setCookie(c, SESSION_COOKIE, session.id, { path: "/", httpOnly: true, sameSite: secure ? "None" : "Lax", secure });
  return session;
}

/** Parse the raw JSON body against a zod schema; malformed JSON or shape → 400 with the problems listed. */
export function parseBody<T extends z.ZodType>(c: Ctx, schema: T): z.infer<T> {
  const raw = c.get("rawBody") ?? "";
  let value: unknown;
  try {
    value = raw.trim() === "" ? undefined : JSON.parse(raw);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError(
      400,
      "The request is invalid.",
      result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`),
    );
  }
  return result.data;
}

/** `ids=a,b` or repeated `ids[]=a&ids[]=b`. */
export function idList(c: Ctx, name: string): string[] {
  const values = [...(c.req.queries(name) ?? []), ...(c.req.queries(`${name}[]`) ?? [])];
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Whether a request came from a browser the client allows: its Origin is one of the configured origins (what a
 * browser sends on every cross-origin fetch), or it is same-origin (the emulator's own iframe pages, where a
 * browser sends `Sec-Fetch-Site: same-origin` and may leave Origin out of a GET). A server's fetch sends neither.
 */
export function isFromBrowser(c: Ctx, origins: readonly string[]): boolean {
  const origin = c.req.header("origin");
  if (origin !== undefined) return origins.includes(origin);
  return c.req.header("sec-fetch-site") === "same-origin";
}

/** What Spektrix's bot management answers: an HTML page, never JSON a client could read as a business error. */
export const BOT_BLOCK_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Access denied</title></head>
<body><h1>Sorry, you have been blocked</h1>
<p>This request was blocked by the security service that protects this site (Spektrix emulator: a web-mode
API call that did not come from a browser on an allowed origin).</p></body></html>`;

/** The absolute URL as the client sent it: scheme + Host + raw path and query, byte for byte. */
export function receivedUrl(c: Ctx): string {
  const raw = c.env?.incoming?.url ?? new URL(c.req.url).pathname + new URL(c.req.url).search;
  const proto = c.req.header("x-forwarded-proto") ?? "http";
  const host = c.req.header("x-forwarded-host") ?? c.req.header("host") ?? new URL(c.req.url).host;
  return `${proto}://${host}${raw}`;
}
