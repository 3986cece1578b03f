import { z } from "zod";
import { env } from "@/lib/config";
import type { StoreDb } from "@/lib/db";
import { fieldErrorsOf, optionalUrl, plainText, type FieldErrors } from "./forms";
import { open, seal } from "./secret-box";
import { readSetting, writeSetting } from "./settings-store";
import { routes } from "@/lib/routes";

/** The flows engineer's settings key (lib/spektrix-flows/settings.ts); page paths and the iframe stylesheet are mirrored into it. */
const FLOW_SETTINGS_KEY = "spektrix.flows";
type FlowSettingsRaw = {
  pagePaths?: Record<string, string>;
  stylesheets?: { default?: string | null; byFlow?: Record<string, string> };
} & Record<string, unknown>;

/**
 * Connection settings edited in the studio: client name, custom domain, owner API user and key, page paths and
 * stylesheet URLs. Stored in `site_settings` under one key; env supplies the first values. The API key is
 * write-only: it is stored sealed, and nothing in this module returns it except `ownerCredentials()`.
 */

export const CONNECTION_KEY = "studio.connection";

const path = z
  .string({ error: "must be text" })
  .trim()
  .max(200, { message: "must be at most 200 characters" })
  .regex(/^\/(?!\/)[A-Za-z0-9/_\-.~]*$/, { message: "must be a site path starting with /, e.g. /basket" });

const hostname = z
  .string({ error: "must be text" })
  .trim()
  .toLowerCase()
  .max(253, { message: "must be at most 253 characters" })
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: "must be a host name such as tickets.venue.org, without https:// or a path",
  });

export const connectionFormSchema = z.object({
  clientName: z
    .string({ error: "must be text" })
    .trim()
    .min(1, { message: "is required" })
    .max(64, { message: "must be at most 64 characters" })
    .regex(/^[a-z0-9_-]+$/i, { message: "must be the Spektrix client name: letters, digits, - and _ only" }),
  customDomain: z.union([z.literal(""), hostname]).transform((s) => s || null),
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
  accountPath: path,
  basketPath: path,
  checkoutPath: path,
  iframeStylesheetUrl: optionalUrl(),
  componentsStylesheetUrl: optionalUrl(),
});
export type ConnectionForm = z.input<typeof connectionFormSchema>;

interface StoredConnection {
  clientName: string;
  customDomain: string | null;
  apiUser: string;
  apiKeySealed: string | null;
  accountPath: string;
  basketPath: string;
  checkoutPath: string;
  iframeStylesheetUrl: string | null;
  componentsStylesheetUrl: string | null;
}

/** What the studio shows: everything but the key, plus whether a key is set and where it comes from. */
export interface ConnectionView extends Omit<StoredConnection, "apiKeySealed"> {
  apiKeySource: "studio" | "env";
  baseUrl: string;
  saved: boolean;
}

function defaults(): StoredConnection {
  const e = env();
  return {
    clientName: e.SPEKTRIX_CLIENT_NAME,
    customDomain: null,
    apiUser: e.SPEKTRIX_API_USER,
    apiKeySealed: null,
    accountPath: routes.account,
    basketPath: routes.basket,
    checkoutPath: routes.checkout,
    iframeStylesheetUrl: null,
    componentsStylesheetUrl: null,
  };
}

async function loadStored(database?: StoreDb): Promise<{ stored: StoredConnection; saved: boolean }> {
  const raw = await readSetting<Partial<StoredConnection>>(CONNECTION_KEY, database);
  return raw ? { stored: { ...defaults(), ...raw }, saved: true } : { stored: defaults(), saved: false };
}

export async function loadConnection(database?: StoreDb): Promise<ConnectionView> {
  const { stored, saved } = await loadStored(database);
  const flows = await readSetting<FlowSettingsRaw>(FLOW_SETTINGS_KEY, database);
  if (flows?.pagePaths) {
    stored.accountPath = flows.pagePaths.account ?? stored.accountPath;
    stored.basketPath = flows.pagePaths.basket ?? stored.basketPath;
    stored.checkoutPath = flows.pagePaths.checkout ?? stored.checkoutPath;
  }
  if (flows?.stylesheets && "default" in flows.stylesheets)
    stored.iframeStylesheetUrl = flows.stylesheets.default ?? null;
  const { apiKeySealed, ...rest } = stored;
  return { ...rest, apiKeySource: apiKeySealed ? "studio" : "env", baseUrl: env().SPEKTRIX_BASE_URL, saved };
}

/** Server only: the credentials the studio's owner-mode calls use. */
export async function ownerCredentials(
  database?: StoreDb,
): Promise<{ baseUrl: string; clientName: string; apiUser: string; apiKey: string }> {
  const e = env();
  const { stored } = await loadStored(database);
  const apiKey = (stored.apiKeySealed && open(stored.apiKeySealed, e.AUTH_SECRET)) || e.SPEKTRIX_API_KEY;
  return { baseUrl: e.SPEKTRIX_BASE_URL, clientName: stored.clientName, apiUser: stored.apiUser, apiKey };
}

export type SaveResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/** Validates and saves. An invalid form writes nothing. An empty key field keeps the stored key. */
export async function saveConnection(input: unknown, database?: StoreDb): Promise<SaveResult> {
  const parsed = connectionFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { apiKey, ...fields } = parsed.data;
  const { stored } = await loadStored(database);
  const next: StoredConnection = {
    ...fields,
    apiKeySealed: apiKey ? seal(apiKey, env().AUTH_SECRET) : stored.apiKeySealed,
  };
  await writeSetting(CONNECTION_KEY, next, database);
  // One source of truth for the public flows: merge paths and the iframe stylesheet into their settings.
  const flows = (await readSetting<FlowSettingsRaw>(FLOW_SETTINGS_KEY, database)) ?? {};
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
    database,
  );
  return { ok: true };
}

/** Public, key-free values the site's Spektrix components need. */
export async function publicConnection(database?: StoreDb) {
  const c = await loadConnection(database);
  return {
    clientName: c.clientName,
    /** Iframes and web components must use the custom domain so the Spektrix cookie is first-party. */
    componentsBaseUrl: c.customDomain ? `https://${c.customDomain}` : c.baseUrl,
    iframeStylesheetUrl: c.iframeStylesheetUrl,
    componentsStylesheetUrl: c.componentsStylesheetUrl,
    paths: { account: c.accountPath, basket: c.basketPath, checkout: c.checkoutPath },
  };
}
