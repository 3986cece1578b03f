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
    throw new ApiError(400, "The request is invalid.", result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`));
  }
  return result.data;
}

/** `ids=a,b` or repeated `ids[]=a&ids[]=b`. */
export function idList(c: Ctx, name: string): string[] {
  const values = [...c.req.queries(name) ?? [], ...(c.req.queries(`${name}[]`) ?? [])];
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

/** The absolute URL as the client sent it: scheme + Host + raw path and query, byte for byte. */
export function receivedUrl(c: Ctx): string {
  const raw = c.env?.incoming?.url ?? new URL(c.req.url).pathname + new URL(c.req.url).search;
  const proto = c.req.header("x-forwarded-proto") ?? "http";
  const host = c.req.header("x-forwarded-host") ?? c.req.header("host") ?? new URL(c.req.url).host;
  return `${proto}://${host}${raw}`;
}
