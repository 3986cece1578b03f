/**
 * Editor-managed Spektrix flow settings, stored in `site_settings` under one key and validated with zod.
 * Env and the route registry give the defaults, so a fresh install works with nothing saved. A broken or
 * unreachable store never takes a page down: the defaults apply and the problem is logged.
 */
import { eq } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { z } from "zod";
import { env } from "@/lib/config";
import { errorText, logger } from "@/lib/log/logger.mjs";
import { tags } from "@/lib/cache/tags";
import { MOVABLE_PAGE_ROUTES, pagePathProblem, routes } from "@/lib/routes";
import { FLOW_NAMES, type FlowName } from "./flows";

export const FLOW_SETTINGS_KEY = "spektrix.flows";

/** The stable URL at which the site serves its iframe stylesheet (see app/spektrix-theme.css). */
export const THEME_STYLESHEET_PATH = "/spektrix-theme.css";

// The studio's rule (lib/routes.ts); a page's own default route is always fine.
const pagePath = z
  .string()
  .trim()
  .refine((p) => Object.values(MOVABLE_PAGE_ROUTES).includes(p) || pagePathProblem(p) === null, {
    message: "must be a page's own route or a site path in a section of its own, e.g. /cart",
  });

/**
 * A stylesheet as Spektrix's iframes take it (`stylesheet=`): the name of a file uploaded in Website Admin, or (the
 * emulator, previews) a URL. The one rule: the studio's Connection page checks its field with it too.
 */
export const iframeStylesheet = z
  .string()
  .trim()
  .max(300)
  .refine(
    (s) => /^[\w.-]+\.css$/i.test(s) || /^https?:\/\/[^\s"'<>]+$/i.test(s),
    "must be a .css file name uploaded to Spektrix, or an http(s) URL",
  );

const flowName = z.enum(FLOW_NAMES as [FlowName, ...FlowName[]]);

export const flowSettingsSchema = z.object({
  pagePaths: z
    .object({ account: pagePath, basket: pagePath, checkout: pagePath, guestCheckout: pagePath })
    .partial()
    .default({}),
  stylesheets: z
    .object({
      /** Passed to every iframe unless a flow has its own; null sends none (Spektrix then uses the domain default). */
      default: iframeStylesheet.nullable().optional(),
      byFlow: z.partialRecord(flowName, iframeStylesheet).default({}),
    })
    .default({ byFlow: {} }),
  /** Fund the support page opens with. */
  donateFundId: z.string().trim().min(1).nullable().optional(),
  /** Memberships shown on the membership page, in order; empty shows all. */
  membershipIds: z.array(z.string().trim().min(1)).max(20).default([]),
});

export type FlowSettingsInput = z.input<typeof flowSettingsSchema>;

export interface FlowSettings {
  pagePaths: { account: string; basket: string; checkout: string; guestCheckout: string };
  stylesheets: { default: string | null; byFlow: Partial<Record<FlowName, string>> };
  donateFundId: string | null;
  membershipIds: string[];
}

export function defaultFlowSettings(siteUrl = env().SITE_URL): FlowSettings {
  return {
    pagePaths: {
      account: routes.account,
      basket: routes.basket,
      checkout: routes.checkout,
      guestCheckout: routes.guestCheckout,
    },
    stylesheets: { default: `${siteUrl.replace(/\/+$/, "")}${THEME_STYLESHEET_PATH}`, byFlow: {} },
    donateFundId: null,
    membershipIds: [],
  };
}

/**
 * Saved value over defaults, field by field: a saved field that breaks a rule (a path a later rule refuses, a
 * stylesheet renamed by hand in the store) is reported and replaced by its default, and every other saved field
 * still applies, so one bad value never resets the venue's other choices.
 */
export function resolveFlowSettings(
  saved: unknown,
  defaults: FlowSettings,
): { settings: FlowSettings; problems: string[] } {
  if (saved === undefined || saved === null) return { settings: defaults, problems: [] };
  const problems: string[] = [];
  // zod can report a fault only after another is gone (a list over its limit hides a bad entry inside it), so
  // each pass drops what the last one found and parses again; a few passes cover the nesting this schema has.
  let candidate: unknown = saved;
  let parsed = flowSettingsSchema.safeParse(candidate);
  for (let pass = 0; !parsed.success && pass < MAX_REPAIR_PASSES; pass++) {
    const issues = parsed.error.issues;
    problems.push(...issues.map((i) => `${i.path.join(".") || "(settings)"} ${i.message}`));
    if (issues.some((issue) => issue.path.length === 0)) return { settings: defaults, problems };
    const from = candidate;
    candidate = withoutPaths(
      from,
      issues.flatMap((issue) => pathsToDrop(from, issue)),
    );
    parsed = flowSettingsSchema.safeParse(candidate);
  }
  if (!parsed.success) return { settings: defaults, problems };
  const s = parsed.data;
  return {
    settings: {
      pagePaths: { ...defaults.pagePaths, ...s.pagePaths },
      stylesheets: {
        default: s.stylesheets.default === undefined ? defaults.stylesheets.default : s.stylesheets.default,
        byFlow: { ...defaults.stylesheets.byFlow, ...s.stylesheets.byFlow },
      },
      donateFundId: s.donateFundId ?? defaults.donateFundId,
      membershipIds: s.membershipIds.length ? s.membershipIds : defaults.membershipIds,
    },
    problems,
  };
}

const DROPPED = Symbol("dropped");
const MAX_REPAIR_PASSES = 3;

/**
 * What to drop so the rest of the record still applies: the field an issue names, narrowed where zod names a
 * container for a fault in its parts. An unknown key is reported at its parent (a renamed flow in `byFlow` would
 * otherwise drop every flow's stylesheet), and a list that is too long keeps its first entries.
 */
function pathsToDrop(record: unknown, issue: z.core.$ZodIssue): PropertyKey[][] {
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => [...issue.path, key]);
  if (issue.code === "too_big" && issue.origin === "array") {
    const list = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | null)?.[key], record);
    const keep = Number(issue.maximum);
    if (Array.isArray(list)) return list.slice(keep).map((_, i) => [...issue.path, keep + i]);
  }
  return [issue.path];
}

/** A copy of `value` without the fields (and list entries) at `paths`. */
function withoutPaths(value: unknown, paths: readonly (readonly PropertyKey[])[]): unknown {
  const copy: unknown = structuredClone(value);
  for (const path of paths) {
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown> | null)?.[key];
    if (parent && typeof parent === "object") (parent as Record<PropertyKey, unknown>)[path.at(-1)!] = DROPPED;
  }
  const compact = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.filter((x) => x !== DROPPED).map(compact)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (x === DROPPED ? [] : [[k, compact(x)]])))
        : v;
  return compact(copy);
}

/** The stylesheet for one flow: its own, else the default, else none. */
export function stylesheetFor(settings: FlowSettings, flow: FlowName): string | null {
  return settings.stylesheets.byFlow[flow] ?? settings.stylesheets.default;
}

const readSaved = unstable_cache(
  async (): Promise<unknown> => {
    const { getDb, schema } = await import("@/lib/db");
    const db = await getDb();
    const rows = await db
      .select()
      .from(schema.siteSettings)
      .where(eq(schema.siteSettings.key, FLOW_SETTINGS_KEY))
      .limit(1);
    return rows[0]?.value ?? null;
  },
  ["spektrix-flow-settings"],
  { tags: [tags.siteSettings, tags.store], revalidate: 300 },
);

/**
 * Settings in force. Never throws. Read once per render (the root layout and the site's header both need them), so
 * a store outage costs one failed read and one warning per page, not one per reader.
 */
export const getFlowSettings = cache(async function getFlowSettings(): Promise<FlowSettings> {
  const defaults = defaultFlowSettings();
  let saved: unknown = null;
  try {
    saved = await readSaved();
  } catch (error) {
    logger("spektrix-flows").warn(
      { key: FLOW_SETTINGS_KEY, error: errorText(error) },
      "could not read flow settings; using defaults",
    );
    return defaults;
  }
  const { settings, problems } = resolveFlowSettings(saved, defaults);
  if (problems.length)
    logger("spektrix-flows").warn(
      { key: FLOW_SETTINGS_KEY, problems },
      "saved flow settings break a rule; the defaults stand in for those fields",
    );
  return settings;
});
