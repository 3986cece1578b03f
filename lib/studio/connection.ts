import "server-only";
import { z } from "zod";
import { env } from "@/lib/config";
import {
  CONNECTION_FIELDS,
  ENV_FOR_FIELD,
  ConnectionWriteConflict,
  connectionFrom,
  newStoredConnection,
  readStoredConnection,
  writeStoredConnection,
  type ConnectionChange,
  type ConnectionField,
  type SpektrixConnection,
  type StoredConnection,
} from "@/lib/connection";
import { seal } from "@/lib/connection/secret-box";
import type { Database, StoreDb } from "@/lib/db";
import { isLoopbackHttp } from "@/lib/http/loopback.mjs";
import { fieldErrorsOf, optionalUrl, type FieldErrors } from "./forms";
import { plainText } from "@/lib/text/plain-text";
import { iframeStylesheet } from "@/lib/spektrix-flows/settings";
import { readSetting, writeSetting } from "@/lib/db/settings";
import { pagePathProblem, routes } from "@/lib/routes";
import { webModeCheckUrl } from "@/lib/spektrix/urls";

/** The flows engineer's settings key (lib/spektrix-flows/settings.ts); page paths and the iframe stylesheet are mirrored into it. */
const FLOW_SETTINGS_KEY = "spektrix.flows";
type FlowSettingsRaw = {
  pagePaths?: Record<string, string>;
  stylesheets?: { default?: string | null; byFlow?: Record<string, string> };
} & Record<string, unknown>;

/**
 * The studio's Connection page: the form, what it shows and how a save is made safe. The connection itself (how
 * it is stored, resolved against the environment, and shared between instances) is lib/connection. The API key
 * is write-only: stored sealed, never returned by anything here.
 */

/** Changes kept on the page, newest first. */
const HISTORY_LENGTH = 20;

const path = (own: string) =>
  z
    .string({ error: "must be text" })
    .trim()
    .max(200, { message: "must be at most 200 characters" })
    .transform((p) => (p.length > 1 ? p.replace(/\/+$/, "") : p))
    // The page's own route, or a section the site does not serve: the page is then served there too.
    .superRefine((p, ctx) => {
      const problem = pagePathProblem(p, own);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

const hostname = z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/);

/** Plain http on this machine with a port (a Spektrix emulator or a local proxy): the only http accepted. */
const loopbackWithPort = (s: string) => isLoopbackHttp(s) && /^\d{2,5}$/.test(new URL(s).port);

export const connectionFormSchema = z
  .object({
    clientName: z
      .string({ error: "must be text" })
      .trim()
      .min(1, { message: "is required" })
      .max(64, { message: "must be at most 64 characters" })
      .regex(/^[a-z0-9_-]+$/i, { message: "must be the Spektrix client name: letters, digits, - and _ only" }),
    customDomain: z
      .string({ error: "must be text" })
      .trim()
      .toLowerCase()
      .max(253, { message: "must be at most 253 characters" })
      .refine((s) => s === "" || hostname.safeParse(s).success || (loopbackWithPort(s) && new URL(s).origin === s), {
        message: "must be a host name such as tickets.venue.org, without https:// or a path",
      })
      .transform((s) => s || null),
    /** Goes into every page's script-src: https, or plain http only on this machine (an emulator). */
    webComponentsUrl: optionalUrl().refine((s) => s === null || s.startsWith("https://") || loopbackWithPort(s), {
      message: "must be an https:// URL (plain http only for an emulator on this machine)",
    }),
    apiUser: plainText(100, { min: 1 }).refine((s) => /^[^\s:]+$/.test(s), {
      message: "must be the API user's login name, without spaces or colons",
    }),
    /** Empty keeps the stored key; anything else replaces it. */
    apiKey: z
      .string({ error: "must be text" })
      .trim()
      .max(200, { message: "must be at most 200 characters" })
      .refine((s) => s === "" || /^[A-Za-z0-9+/]+={0,2}$/.test(s), {
        message: "must be base64, exactly as Spektrix issued the secret key",
      }),
    accountPath: path(routes.account),
    basketPath: path(routes.basket),
    checkoutPath: path(routes.checkout),
    // Spektrix's iframes take the name of a stylesheet uploaded to Spektrix (docs/spektrix-setup.md §5).
    iframeStylesheetUrl: z
      .union([z.literal(""), iframeStylesheet])
      .nullable()
      .optional()
      .transform((s) => s || null),
    componentsStylesheetUrl: optionalUrl(),
  })
  // Two pages at one path: only one could be served there.
  .superRefine((form, ctx) => {
    const seen = new Map<string, string>();
    for (const key of ["accountPath", "basketPath", "checkoutPath"] as const) {
      const other = seen.get(form[key]);
      if (other)
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `is the same path as the ${connectionFieldLabel(other)}`,
        });
      seen.set(form[key], key);
    }
  });
export type ConnectionForm = z.input<typeof connectionFormSchema>;

/** What the studio shows: the saved values (never the key), what the site uses now and why. */
export interface ConnectionView {
  clientName: string;
  customDomain: string | null;
  webComponentsUrl: string | null;
  apiUser: string;
  accountPath: string;
  basketPath: string;
  checkoutPath: string;
  iframeStylesheetUrl: string | null;
  componentsStylesheetUrl: string | null;
  apiKeySaved: boolean;
  storedKeyUnreadable: boolean;
  /** What the whole site uses right now (the key left out). */
  active: { clientName: string; baseUrl: string; webComponentsUrl: string; apiUser: string };
  /** Fields the server environment pins, with the variable that does: the studio's value is not used. */
  pinned: Partial<Record<ConnectionField, string>>;
  saved: boolean;
  history: ConnectionChange[];
}

const unsaved = () => newStoredConnection();

function pinnedFields(connection: SpektrixConnection): Partial<Record<ConnectionField, string>> {
  return Object.fromEntries(
    CONNECTION_FIELDS.filter((f) => connection.source[f] === "environment").map((f) => [f, ENV_FOR_FIELD[f]]),
  );
}

export async function loadConnection(database?: StoreDb): Promise<ConnectionView> {
  return viewOf(await readStoredConnection(database), database);
}

/** The view of a stored record (null: nothing saved), with the flow settings' paths and stylesheet beside it. */
async function viewOf(saved: StoredConnection | null, database?: StoreDb): Promise<ConnectionView> {
  const stored = saved ?? unsaved();
  const flows = await readSetting<FlowSettingsRaw>(FLOW_SETTINGS_KEY, database);
  const paths = {
    accountPath: flows?.pagePaths?.account ?? stored.accountPath,
    basketPath: flows?.pagePaths?.basket ?? stored.basketPath,
    checkoutPath: flows?.pagePaths?.checkout ?? stored.checkoutPath,
  };
  const iframeStylesheetUrl =
    flows?.stylesheets && "default" in flows.stylesheets
      ? (flows.stylesheets.default ?? null)
      : stored.iframeStylesheetUrl;
  const active = connectionFrom(saved);
  return {
    clientName: stored.clientName,
    customDomain: stored.customDomain,
    webComponentsUrl: stored.webComponentsUrl,
    apiUser: stored.apiUser,
    ...paths,
    iframeStylesheetUrl,
    componentsStylesheetUrl: stored.componentsStylesheetUrl,
    apiKeySaved: Boolean(stored.apiKeySealed),
    storedKeyUnreadable: active.storedKeyUnreadable,
    active: {
      clientName: active.clientName,
      baseUrl: active.baseUrl,
      webComponentsUrl: active.webComponentsUrl,
      apiUser: active.owner.apiUser,
    },
    pinned: pinnedFields(active),
    saved: saved !== null,
    history: stored.history,
  };
}

/** Names of what a save changes, in the form's words (values are not recorded: the key is one of them). */
const FIELD_LABELS: Record<string, string> = {
  clientName: "client name",
  customDomain: "custom domain",
  webComponentsUrl: "web components URL",
  apiUser: "owner API user",
  apiKey: "owner API key",
  accountPath: "account page",
  basketPath: "basket page",
  checkoutPath: "checkout page",
  iframeStylesheetUrl: "iframe stylesheet",
  componentsStylesheetUrl: "web components stylesheet",
};

export function connectionFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** The fields whose change reaches Spektrix itself, so a save that changes one is checked first. */
const REACHES_SPEKTRIX = new Set(["clientName", "customDomain", "webComponentsUrl", "apiUser", "apiKey"]);
/** Fields that move where visitors' browsers talk to Spektrix in web mode. */
const MOVES_WEB_MODE = new Set(["clientName", "customDomain"]);

/** The web-mode address the editor's browser read successfully for this save, if the form carries one. */
function browserCheckedIn(input: unknown): string | null {
  const value = input && typeof input === "object" ? (input as Record<string, unknown>).browserChecked : undefined;
  return typeof value === "string" ? value : null;
}

/** A candidate connection that could not be used: what the check found, in an editor's words. */
export interface ConnectionProblem {
  problems: string[];
}

export type SaveResult =
  /** `clientChanged`: the site now reads another Spektrix client, whose events arrive with the next sync. */
  | { ok: true; changed: string[]; clientChanged: boolean }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; refused: string[] }
  /**
   * The change moves web mode (client name or domain): the editor's browser must first read this web-mode
   * address (lib/studio/web-check.ts) and send it back as `browserChecked`. Nothing was saved.
   */
  | { ok: false; browserCheck: string };

export interface SaveOptions {
  /** Who saves (recorded with the change). */
  by: string;
  /** Tries the candidate connection; problems refuse the save. Run only when a Spektrix-facing field changes. */
  check: (candidate: SpektrixConnection) => Promise<ConnectionProblem | null>;
  database?: Pick<Database, "db" | "withAdvisoryLock">;
  now?: Date;
}

/**
 * The web components' stylesheet is linked into the site's own pages, whose policy allows styles only from this
 * site, the Spektrix host and the web-components host: a stylesheet anywhere else would be refused in the browser.
 */
export function componentsStylesheetProblem(
  url: string | null,
  connection: Pick<SpektrixConnection, "baseUrl" | "webComponentsUrl">,
): string | null {
  if (!url) return null;
  const allowed = [env().SITE_URL, connection.baseUrl, connection.webComponentsUrl].map((u) => new URL(u).origin);
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return "must be a full URL";
  }
  return allowed.includes(origin)
    ? null
    : `must be on this site, your Spektrix domain or the web components host (${[...new Set(allowed)].join(", ")}): the pages' security policy allows stylesheets from nowhere else`;
}

/**
 * Validates, checks the candidate against Spektrix when the change reaches it, then saves. An invalid form or a
 * failed check writes nothing. An empty key field keeps the stored key.
 */
export async function saveConnection(input: unknown, options: SaveOptions): Promise<SaveResult> {
  const parsed = connectionFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { apiKey: typedKey, ...fields } = parsed.data;
  const saved = await readStoredConnection(options.database?.db);
  const before = saved ?? unsaved();
  const current = await viewOf(saved, options.database?.db);
  // A field the environment pins keeps its stored value whatever was posted (the form shows it read-only; a
  // crafted post must not store a value nobody checked, for the day the variable is unset).
  const pinned = current.pinned;
  if (pinned.clientName) fields.clientName = before.clientName;
  if (pinned.baseUrl) fields.customDomain = before.customDomain;
  if (pinned.webComponentsUrl) fields.webComponentsUrl = before.webComponentsUrl;
  if (pinned.apiUser) fields.apiUser = before.apiUser;
  const apiKey = pinned.apiKey ? "" : typedKey;
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
    (key) => (fields[key] ?? null) !== ((current as unknown as Record<string, unknown>)[key] ?? null),
  ) as string[];
  if (apiKey) changed.push("apiKey");
  if (changed.length === 0) return { ok: true, changed: [], clientChanged: false };

  const next: StoredConnection = {
    ...fields,
    revision: before.revision + 1,
    apiKeySealed: apiKey ? seal(apiKey, env().AUTH_SECRET) : before.apiKeySealed,
    history: [
      { at: (options.now ?? new Date()).toISOString(), by: options.by, fields: changed },
      ...before.history,
    ].slice(0, HISTORY_LENGTH),
  };
  const candidate = connectionFrom(next);
  const stylesheetProblem = componentsStylesheetProblem(next.componentsStylesheetUrl, candidate);
  if (stylesheetProblem) return { ok: false, fieldErrors: { componentsStylesheetUrl: [stylesheetProblem] } };
  // Web mode answers browsers only, on the origins the venue allowed: the editor's browser asks first (ADR 0017).
  if (changed.some((field) => MOVES_WEB_MODE.has(field))) {
    const browserCheck = webModeCheckUrl(candidate.baseUrl, candidate.clientName);
    if (browserCheckedIn(input) !== browserCheck) return { ok: false, browserCheck };
  }
  if (changed.some((field) => REACHES_SPEKTRIX.has(field))) {
    const problem = await options.check(candidate);
    if (problem) return { ok: false, refused: problem.problems };
  }
  try {
    await writeStoredConnection(next, options.database);
  } catch (error) {
    if (!(error instanceof ConnectionWriteConflict)) throw error;
    return {
      ok: false,
      refused: [
        error.reason === "sync-running"
          ? "A sync is running. Save again when it has finished (the Sync runs page shows it)."
          : "Someone else saved the connection meanwhile. Reload the page to see their change, then make yours.",
      ],
    };
  }
  // One source of truth for the public flows: merge paths and the iframe stylesheet into their settings.
  const flows = (await readSetting<FlowSettingsRaw>(FLOW_SETTINGS_KEY, options.database?.db)) ?? {};
  const stylesheets = { byFlow: {}, ...flows.stylesheets };
  if (next.iframeStylesheetUrl) stylesheets.default = next.iframeStylesheetUrl;
  else delete stylesheets.default;
  await writeSetting(
    FLOW_SETTINGS_KEY,
    {
      ...flows,
      pagePaths: {
        ...flows.pagePaths,
        account: next.accountPath,
        basket: next.basketPath,
        checkout: next.checkoutPath,
      },
      stylesheets,
    },
    options.database?.db,
  );
  return {
    ok: true,
    changed: changed.map(connectionFieldLabel),
    clientChanged: candidate.clientName !== current.active.clientName,
  };
}
