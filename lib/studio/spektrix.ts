import "server-only";
import { pingSpektrix } from "@/lib/spektrix/health";
import { createCatalogueReader, createSpektrixOwnerClient, type SpektrixOwnerClient } from "@/lib/spektrix/owner";
import {
  SpektrixHttpError,
  SpektrixNetworkError,
  SpektrixSchemaError,
  SpektrixTimeoutError,
  isSpektrixId,
} from "@/lib/spektrix";
import { activeConnection, type SpektrixConnection } from "@/lib/connection";
import { SPEKTRIX_WEB_COMPONENTS_URL } from "@/lib/connection/resolve";
import { publicConfigOf } from "@/lib/spektrix-flows/config";
import { formatMoney } from "@/lib/spektrix-flows/money";
import {
  eventPickerDetail,
  PICKER_CACHE_MS,
  PICKER_KINDS,
  PICKER_LABELS,
  TtlCache,
  searchItems,
  type PickerItem,
  type PickerKind,
} from "./picker-core";
import { formatLocalPerformanceTime } from "@/lib/events/format";
import { siteInfo } from "@/lib/site";
import { zoneMismatch } from "@/lib/sync/time";
import { buildFieldCatalogue, type FieldCatalogue } from "@/lib/sync/field-catalogue";
import { toSourceEvent, toSourcePerformance } from "@/lib/sync/spektrix-source";

/**
 * The studio's live view of Spektrix: owner-mode calls for pickers and "Check connection". Server only; the
 * owner key never leaves this process.
 */

export async function studioOwnerClient(
  options: { retries?: number; timeoutMs?: number; connection?: SpektrixConnection } = {},
): Promise<SpektrixOwnerClient> {
  const c = options.connection ?? (await activeConnection());
  return createSpektrixOwnerClient({
    baseUrl: c.baseUrl,
    clientName: c.clientName,
    owner: c.owner,
    retries: options.retries ?? 1,
    timeoutMs: options.timeoutMs ?? 6_000,
  });
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A performance's venue-local start as picker labels show it: the way the site prints performance times. */
const formatLocal = (local: string | null | undefined) => formatLocalPerformanceTime(local) ?? local ?? "";

/** Prices as the site shows them to visitors: the venue's currency, not a bare "40.00". */
const money = (n: number | null | undefined) => (typeof n === "number" ? formatMoney(n) : null);

/** Loads every record of a kind as picker rows. */
async function loadKind(client: SpektrixOwnerClient, kind: PickerKind, now = new Date()): Promise<PickerItem[]> {
  switch (kind) {
    case "event": {
      const events = await client.listEvents({
        from: iso(new Date(now.getTime() - 30 * DAY)),
        to: iso(new Date(now.getTime() + 730 * DAY)),
      });
      return events.map((e) => ({
        id: e.id,
        label: e.name,
        detail: eventPickerDetail(e, siteInfo().timeZone),
        at: e.firstPerformanceUtc ?? undefined,
      }));
    }
    case "performance": {
      const [performances, events] = await Promise.all([
        client.listPerformances({ from: iso(now), to: iso(new Date(now.getTime() + 365 * DAY)) }),
        client.listEvents({ from: iso(now), to: iso(new Date(now.getTime() + 365 * DAY)) }),
      ]);
      const names = new Map(events.map((e) => [e.id, e.name]));
      return performances.map((p) => ({
        id: p.id,
        label: `${names.get(p.eventId) ?? "Event"} — ${formatLocal(p.startLocal)}`,
        detail: p.cancelled ? "cancelled" : p.isOnSale ? "on sale" : "not on sale",
        at: p.startUtc,
      }));
    }
    case "fund":
      return (await client.listFunds()).map((f) => ({
        id: f.id,
        label: f.name,
        detail: [f.code, f.description].filter(Boolean).join(" · ") || undefined,
      }));
    case "membership":
      return (await client.listMembershipTypes()).map((m) => ({
        id: m.id,
        label: m.name,
        detail: money(m.price) ?? undefined,
      }));
    case "voucher":
      return (await client.listGiftVoucherTypes()).map((v) => ({
        id: v.id,
        label: v.name,
        detail: v.amount === null ? "buyer chooses the amount" : money(v.amount)!,
      }));
    case "merchandise":
      return (await client.listMerchandise()).map((m) => ({
        id: m.id,
        label: m.name,
        detail: money(m.price) ?? undefined,
      }));
    case "seating-type":
      return (await client.listSeatingTypes()).map((s) => ({
        id: s.id,
        label: s.name,
        detail: s.description ?? undefined,
      }));
    case "statement":
      return (await client.listStatements()).map((s) => ({
        id: s.id,
        label: s.name,
        detail: s.text ?? undefined,
      }));
    case "subscription":
      return (await client.listSubscriptions()).map((s) => ({
        id: s.id,
        label: s.name,
        detail: s.pricingSets.map((p) => [p.name, money(p.price)].filter(Boolean).join(" ")).join(" · ") || undefined,
      }));
  }
}

const g = globalThis as unknown as {
  __studioPickerCache?: TtlCache<PickerItem[]>;
  __studioFieldCache?: TtlCache<FieldCatalogue>;
};
const cache = (g.__studioPickerCache ??= new TtlCache<PickerItem[]>(PICKER_CACHE_MS));
const fieldCache = (g.__studioFieldCache ??= new TtlCache<FieldCatalogue>(PICKER_CACHE_MS));

/** Forgets cached lists, e.g. after the connection changes. */
export function clearPickerCache(): void {
  cache.clear();
  fieldCache.clear();
}

async function cachedKind(kind: PickerKind): Promise<PickerItem[]> {
  const c = await activeConnection();
  // Keyed by the connection's version too, so a changed client, domain or key never serves another's records.
  const key = `${kind}|${c.version}`;
  return cache.getOrLoad(key, async () => loadKind(await studioOwnerClient({ connection: c }), kind));
}

export async function searchPicker(kind: PickerKind, query: string): Promise<PickerItem[]> {
  return searchItems(await cachedKind(kind), query);
}

export type FieldCatalogueResult = { ok: true; catalogue: FieldCatalogue } | { ok: false; message: string };

/**
 * The Spektrix fields and attributes the sync-settings pickers offer, from this year's events and performances:
 * the sync's own owner-mode catalogue reader and name mapping, so an attribute shows here as a sync sees it. A
 * year, like the performance picker, rather than the sync's whole window: one unsliced read must stay small,
 * and venues set attributes up for the whole client, not per season. Never throws: an unreachable Spektrix
 * becomes a message for editors, and the settings form stays usable without the list.
 */
export async function spektrixFieldCatalogue(now = new Date()): Promise<FieldCatalogueResult> {
  const c = await activeConnection();
  const range = { from: iso(new Date(now.getTime() - DAY)), to: iso(new Date(now.getTime() + 365 * DAY)) };
  // Keyed by the connection's version like the record lists, so another client's fields are never served.
  const key = `fields|${c.version}`;
  try {
    const catalogue = await fieldCache.getOrLoad(key, async () => {
      const reader = createCatalogueReader({
        baseUrl: c.baseUrl,
        clientName: c.clientName,
        owner: c.owner,
        retries: 1,
        timeoutMs: 6_000,
      });
      const [events, performances] = await Promise.all([reader.listEvents(range), reader.listPerformances(range)]);
      return buildFieldCatalogue({
        events: events.map(toSourceEvent),
        performances: performances.map((p) => toSourcePerformance(p)),
      });
    });
    return { ok: true, catalogue };
  } catch (error) {
    return { ok: false, message: explainForEditor(error, "the list of fields") };
  }
}

/** Whether a picked record still exists in Spektrix. */
export async function pickedRecordExists(
  kind: PickerKind,
  id: string,
): Promise<{ exists: boolean; item?: PickerItem }> {
  const items = await cachedKind(kind);
  const item = items.find((i) => i.id === id);
  if (item) return { exists: true, item };
  if ((kind === "event" || kind === "performance") && isSpektrixId(id)) {
    // Past events and performances fall outside the picker window; ask for the one record.
    const client = await studioOwnerClient();
    try {
      if (kind === "event") {
        const e = await client.getEvent(id);
        return { exists: true, item: { id: e.id, label: e.name } };
      }
      const p = await client.getPerformance(id);
      return { exists: !p.cancelled, item: { id: p.id, label: formatLocal(p.startLocal) } };
    } catch (error) {
      if (error instanceof SpektrixHttpError && error.status === 404) return { exists: false };
      throw error;
    }
  }
  return { exists: false };
}

/** A plain-language explanation of a Spektrix failure, for editors (never the raw upstream body). */
export function explainForEditor(error: unknown, what: string): string {
  if (error instanceof SpektrixHttpError) {
    if (error.status === 401 || error.status === 403)
      return `Spektrix refused ${what} (${error.status}). The owner signature was not accepted: check the API user and secret key, and that this server's clock is right (signed requests expire after a few minutes).`;
    if (error.status === 404)
      return `Spektrix answered ${what} with 404: check the client name, or this list may not exist for your client.`;
    if (error.status === 429) return `Spektrix is rate-limiting us (429) on ${what}. Wait a minute and check again.`;
    if (error.status >= 500)
      return `Spektrix had an internal error (${error.status}) on ${what}. This is on their side; try again shortly.`;
    return `Spektrix rejected ${what} with ${error.status}.`;
  }
  if (error instanceof SpektrixTimeoutError)
    return `Spektrix took longer than ${Math.round(error.timeoutMs / 1000)} s to answer ${what}. It may be slow or unreachable from this server.`;
  if (error instanceof SpektrixNetworkError)
    return `This server could not reach Spektrix for ${what}: check the base URL / custom domain, DNS and firewall.`;
  if (error instanceof SpektrixSchemaError)
    return `Spektrix answered ${what} with data we could not read (at ${error.field}). The API may have changed; report this to your developers.`;
  return `${what} failed for an unexpected reason.`;
}

export interface CheckLine {
  ok: boolean;
  detail: string;
}

export interface ConnectionReport {
  checkedAt: string;
  target: string;
  reachable: CheckLine;
  signature: CheckLine;
  /** Whether Spektrix's performance times agree with the site's VENUE_TIME_ZONE. */
  timeZone: CheckLine;
  lists: { kind: PickerKind; label: string; ok: boolean; count: number | null; detail: string }[];
}

/** Can the site reach this connection, and does Spektrix accept its owner key? */
async function probe(c: SpektrixConnection) {
  const ping = await pingSpektrix({
    baseUrl: c.baseUrl,
    clientName: c.clientName,
    apiUser: c.owner.apiUser,
    apiKey: c.owner.apiKey,
    timeoutMs: 4_000,
  });
  let reachable: CheckLine;
  if (ping.ok) reachable = { ok: true, detail: `Spektrix answered in ${ping.latencyMs} ms.` };
  // The probe is signed: a refused signature still proves Spektrix is reachable; the next line explains it.
  else if (ping.status === 401)
    reachable = {
      ok: true,
      detail: `Spektrix answered in ${ping.latencyMs} ms (it refused the signature: see below).`,
    };
  else if (ping.status === 404)
    reachable = {
      ok: false,
      detail: `The server answered, but it does not know the client name "${c.clientName}". Check the client name.`,
    };
  else if (ping.status !== null)
    reachable = {
      ok: false,
      detail: `The server answered with ${ping.status}. ${ping.status >= 500 ? "Spektrix may be down; try again shortly." : "Check the base URL and custom domain."}`,
    };
  else
    reachable = {
      ok: false,
      detail:
        ping.reason === "timeout"
          ? "No answer within 4 s. Spektrix may be slow, or a firewall is dropping the connection."
          : `Could not connect to ${c.baseUrl}. Check the base URL / custom domain and DNS.`,
    };

  const client = await studioOwnerClient({ retries: 0, timeoutMs: 6_000, connection: c });
  let signature: CheckLine;
  try {
    await client.listFunds();
    signature = { ok: true, detail: `Spektrix accepted requests signed by "${c.owner.apiUser}".` };
  } catch (error) {
    signature = { ok: false, detail: explainForEditor(error, "a signed request") };
  }

  return { reachable, signature, client };
}

/**
 * The check a save runs on a candidate connection before anything is stored: Spektrix must answer at that
 * address for that client, and accept the owner key. Problems in an editor's words, or null.
 */
export async function verifyCandidateConnection(candidate: SpektrixConnection): Promise<{ problems: string[] } | null> {
  const [{ reachable, signature }, components] = await Promise.all([probe(candidate), probeWebComponents(candidate)]);
  const problems = [reachable, signature, components].filter((line) => !line.ok).map((line) => line.detail);
  return problems.length ? { problems } : null;
}

/**
 * Whether the web components' loader is where the candidate says: every page loads it, so a wrong URL would
 * leave the basket summary, donations and payment without their components. A static file, not an API call.
 */
async function probeWebComponents(candidate: SpektrixConnection): Promise<CheckLine> {
  const { loaderUrl } = publicConfigOf(candidate);
  try {
    const response = await fetch(loaderUrl, { signal: AbortSignal.timeout(4_000), cache: "no-store" });
    await response.body?.cancel();
    if (response.ok) return { ok: true, detail: "The web components' loader is there." };
    return {
      ok: false,
      detail: `The web components were not found at ${candidate.webComponentsUrl} (${response.status}). Check the web components URL (Spektrix's own is ${SPEKTRIX_WEB_COMPONENTS_URL}), or leave it empty for that.`,
    };
  } catch {
    return {
      ok: false,
      detail: `Could not load the web components from ${candidate.webComponentsUrl}. Check the web components URL (Spektrix's own is ${SPEKTRIX_WEB_COMPONENTS_URL}), or leave it empty for that.`,
    };
  }
}

/**
 * "Check connection": reachability (a signed read), the owner signature (one signed call), then every option
 * list, for the connection in force or for a candidate an editor is about to save.
 */
export async function checkConnection(candidate?: SpektrixConnection): Promise<ConnectionReport> {
  const c = candidate ?? (await activeConnection());
  const target = `${c.baseUrl}/${c.clientName}`;
  const { reachable, signature, client } = await probe(c);
  const timeZone = await checkTimeZone(client);

  const lists = await Promise.all(
    PICKER_KINDS.map(async (kind) => {
      const label = PICKER_LABELS[kind].many;
      try {
        const items = await loadKind(client, kind);
        return {
          kind,
          label,
          ok: true,
          count: items.length,
          detail: items.length === 0 ? `No ${label} yet: pickers for ${label} will be empty.` : "",
        };
      } catch (error) {
        return { kind, label, ok: false, count: null, detail: explainForEditor(error, `the ${label} list`) };
      }
    }),
  );
  clearPickerCache();
  return { checkedAt: new Date().toISOString(), target, reachable, signature, timeZone, lists };
}

/** The sync runs the same check on every run (lib/sync/time.ts `zoneMismatch`); here it is asked for up front. */
async function checkTimeZone(client: SpektrixOwnerClient, now = new Date()): Promise<CheckLine> {
  const zone = siteInfo().timeZone;
  try {
    const performances = await client.listPerformances({
      from: iso(now),
      to: iso(new Date(now.getTime() + 365 * DAY)),
    });
    const mismatch = zoneMismatch(
      performances.map((p) => ({ id: p.id, start: p.startLocal, startUtc: p.startUtc })),
      zone,
    );
    if (mismatch) return { ok: false, detail: mismatch };
    return {
      ok: true,
      detail: performances.length
        ? `Spektrix's times agree with ${zone} for all ${performances.length} upcoming performances.`
        : `No upcoming performances to compare with ${zone} yet.`,
    };
  } catch (error) {
    return { ok: false, detail: explainForEditor(error, "the performance list") };
  }
}
