/**
 * The active Spektrix connection, resolved from three layers, field by field (docs/adr/0017):
 * 1. a variable set in the server environment wins, so a deployment can pin a value (the page says so);
 * 2. otherwise what an editor saved in the studio's Connection page;
 * 3. otherwise the environment's default (the emulator, for the demo).
 * Pure: the store read, the key's decryption and the environment are passed in, so every rule here is tested
 * without a database.
 */
import { createHash } from "node:crypto";
import type { Env } from "@/lib/config";
import { isLoopbackHttp } from "@/lib/http/loopback.mjs";

/** Spektrix's own host, used when a venue saved no custom domain. */
export const SPEKTRIX_SYSTEM_ORIGIN = "https://system.spektrix.com";

/** Where Spektrix serves its web components for every client (its integration docs' script tags). */
export const SPEKTRIX_WEB_COMPONENTS_URL = "https://webcomponents.spektrix.com/stable";

/**
 * The web components' default home: Spektrix's own for a real system; an emulator on this machine serves its
 * stand-ins under its own address.
 */
function defaultWebComponentsUrl(baseUrl: string): string {
  return isLoopbackHttp(baseUrl) ? `${baseUrl}/webcomponents/stable` : SPEKTRIX_WEB_COMPONENTS_URL;
}

export const CONNECTION_FIELDS = ["clientName", "baseUrl", "webComponentsUrl", "apiUser", "apiKey"] as const;
export type ConnectionField = (typeof CONNECTION_FIELDS)[number];

/** The variable that pins each field. */
export const ENV_FOR_FIELD = {
  clientName: "SPEKTRIX_CLIENT_NAME",
  baseUrl: "SPEKTRIX_BASE_URL",
  webComponentsUrl: "SPEKTRIX_WEB_COMPONENTS_URL",
  apiUser: "SPEKTRIX_API_USER",
  apiKey: "SPEKTRIX_API_KEY",
} as const satisfies Record<ConnectionField, keyof Env>;

export type FieldSource = "environment" | "studio" | "default";

/** One recorded change of the connection: who, when, and which fields (never their values). */
export interface ConnectionChange {
  at: string;
  by: string;
  fields: string[];
}

/** The connection as the studio stores it (`site_settings`, key `studio.connection`). */
export interface StoredConnection {
  /** Goes up by one with every save; instances compare it to know their copy is current. */
  revision: number;
  clientName: string;
  /** `tickets.venue.org` (https), a loopback origin such as `http://127.0.0.1:4010` (an emulator), or null. */
  customDomain: string | null;
  /** Where the web-component scripts live; null derives it from the domain. */
  webComponentsUrl: string | null;
  apiUser: string;
  /** AES-GCM sealed with a key derived from AUTH_SECRET (lib/connection/secret-box.ts); null keeps the env's. */
  apiKeySealed: string | null;
  accountPath: string;
  basketPath: string;
  checkoutPath: string;
  iframeStylesheetUrl: string | null;
  componentsStylesheetUrl: string | null;
  history: ConnectionChange[];
}

/** Everything the site needs to reach Spektrix. Server only: it holds the owner key. */
export interface SpektrixConnection {
  /** The stored record's revision; 0 when nothing was saved. */
  revision: number;
  /** Changes whenever any resolved value does (secrets included, hashed): caches key on it. */
  version: string;
  clientName: string;
  /** Origin of the Spektrix host the browser and the server talk to, without a trailing slash. */
  baseUrl: string;
  webComponentsUrl: string;
  owner: { apiUser: string; apiKey: string };
  /** The theme's stylesheet for Spektrix's web components (studio only), or null. */
  componentsStylesheetUrl: string | null;
  source: Record<ConnectionField, FieldSource>;
  /** A studio key is stored but cannot be opened (AUTH_SECRET changed): the environment's is used. */
  storedKeyUnreadable: boolean;
}

type ConnectionEnv = Pick<Env, (typeof ENV_FOR_FIELD)[ConnectionField]>;

/** The origin a stored custom domain names: a bare host is https; a loopback origin is kept as written. */
function customDomainOrigin(customDomain: string): string {
  return /^https?:\/\//i.test(customDomain) ? customDomain.replace(/\/+$/, "") : `https://${customDomain}`;
}

export function resolveConnection(input: {
  stored: StoredConnection | null;
  env: ConnectionEnv;
  /** Names of the variables actually set (not defaulted) in the environment. */
  setInEnv: ReadonlySet<string>;
  openKey: (sealed: string) => string | null;
}): SpektrixConnection {
  const { stored, env, setInEnv } = input;
  const pinned = (field: ConnectionField) => setInEnv.has(ENV_FOR_FIELD[field]);
  const source = {} as Record<ConnectionField, FieldSource>;
  const pick = <T>(field: ConnectionField, fromEnv: T, fromStudio: T | null | undefined, fallback: T): T => {
    if (pinned(field)) return ((source[field] = "environment"), fromEnv);
    if (stored && fromStudio !== null && fromStudio !== undefined) return ((source[field] = "studio"), fromStudio);
    source[field] = "default";
    return fallback;
  };

  const clientName = pick("clientName", env.SPEKTRIX_CLIENT_NAME, stored?.clientName, env.SPEKTRIX_CLIENT_NAME);
  // A saved connection without a custom domain is on Spektrix's own host.
  const studioBase = stored
    ? stored.customDomain
      ? customDomainOrigin(stored.customDomain)
      : SPEKTRIX_SYSTEM_ORIGIN
    : null;
  const baseUrl = pick("baseUrl", env.SPEKTRIX_BASE_URL, studioBase, env.SPEKTRIX_BASE_URL).replace(/\/+$/, "");
  const webComponentsUrl = pick(
    "webComponentsUrl",
    env.SPEKTRIX_WEB_COMPONENTS_URL ?? defaultWebComponentsUrl(baseUrl),
    stored?.webComponentsUrl,
    defaultWebComponentsUrl(baseUrl),
  ).replace(/\/+$/, "");
  const apiUser = pick("apiUser", env.SPEKTRIX_API_USER, stored?.apiUser, env.SPEKTRIX_API_USER);
  const opened = stored?.apiKeySealed ? input.openKey(stored.apiKeySealed) : null;
  const apiKey = pick("apiKey", env.SPEKTRIX_API_KEY, opened, env.SPEKTRIX_API_KEY);

  const componentsStylesheetUrl = stored?.componentsStylesheetUrl ?? null;
  const version = createHash("sha256")
    .update(JSON.stringify([clientName, baseUrl, webComponentsUrl, apiUser, apiKey, componentsStylesheetUrl]))
    .digest("hex")
    .slice(0, 16);
  return {
    revision: stored?.revision ?? 0,
    version,
    clientName,
    baseUrl,
    webComponentsUrl,
    owner: { apiUser, apiKey },
    componentsStylesheetUrl,
    source,
    storedKeyUnreadable: Boolean(stored?.apiKeySealed && opened === null),
  };
}
