/**
 * Two `next start` instances on one PostgreSQL and one Redis, as behind a load balancer.
 *
 * Runs only from its own step in scripts/test.sh (`SCALE_TEST=1`, after the build and with the private
 * PostgreSQL in `TEST_DATABASE_URL`); plain `vitest run` skips it. Locally:
 *   SCALE_TEST=1 TEST_DATABASE_URL=postgres://postgres@127.0.0.1:<port>/postgres [NEXT_DIST_DIR=.next-x] npx vitest run tests/scale
 *
 * It proves that
 *   - a sync run through instance A (after an event is renamed in Spektrix) is visible on instance B at its
 *     next request, although B had the old page cached: the shared cache in Redis and revalidateTag at work;
 *   - two syncs started at once through A and B make exactly one run (PostgreSQL advisory lock);
 *   - the availability and basket-label endpoints answer the same on both instances;
 *   - a change synced from outside the sites while B is down shows on B's first request after it starts, and on
 *     A's next one, through the marker they share in Redis (ADR 0008);
 *   - a connection change saved through the store and Redis (the studio's save path, lib/connection) is what
 *     both instances' pages use, without a restart (ADR 0017).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_API_KEY, DEMO_API_USER, startEmulator, type RunningEmulator } from "../../emulator/index";
import { openDb } from "@/lib/db";
import { runSync } from "@/lib/sync/engine";
import { createSpektrixSource } from "@/lib/sync/spektrix-source";
import { buildMissingReason, startNext, type NextInstance } from "./instances";
import { freePort, redisMissingReason, startRedis, type TestRedis } from "./redis-server";

const enabled = process.env.SCALE_TEST === "1" || process.env.SCALE_TEST === "true";
const SYNC_SECRET = "scale-test-sync-secret-0123456789";

async function createDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `scale_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

describe.skipIf(!enabled)("two instances on PostgreSQL and Redis", () => {
  let emu: RunningEmulator;
  let redis: TestRedis;
  let database: { url: string; drop: () => Promise<void> } | undefined;
  let sql: pg.Pool;
  let a: NextInstance;
  let b: NextInstance;
  let startEnv: Record<string, string>;

  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emu.url}/__control/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`emulator ${method} ${path} → ${res.status} ${await res.text()}`);
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : null;
  };

  const sync = (instance: NextInstance) =>
    fetch(`${instance.url}/api/sync`, {
      method: "POST",
      headers: { authorization: `Bearer ${SYNC_SECRET}`, "x-sync-trigger": "api" },
    });

  const html = async (instance: NextInstance, path: string) => {
    const res = await fetch(`${instance.url}${path}`, { redirect: "follow" });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    const missing = [
      !process.env.TEST_DATABASE_URL && "TEST_DATABASE_URL (a PostgreSQL the test may create a database in)",
      redisMissingReason,
      buildMissingReason(),
    ].filter(Boolean);
    if (missing.length) throw new Error(`cannot run the multi-instance test: ${missing.join("; ")}`);

    [emu, redis, database] = await Promise.all([
      startEmulator({ port: 0, control: true, shiftDates: true }),
      startRedis(),
      createDatabase(process.env.TEST_DATABASE_URL!),
    ]);
    // Migrate once up front, as a deployment's release step would, so the instances do not race to do it.
    const store = await openDb(database.url);
    await store.migrate();
    await store.close();
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
    // Teardown drops the database `with (force)`, which ends any connection still closing: an idle client's
    // error then, with no listener, would be an uncaught exception failing a run whose tests all passed.
    sql.on("error", () => {});

    const [portA, portB] = [await freePort(), await freePort()];
    startEnv = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      SPEKTRIX_BASE_URL: emu.url,
      SPEKTRIX_CLIENT_NAME: emu.clientName,
      SITE_URL: `http://127.0.0.1:${portA}`,
      VENUE_TIME_ZONE: "America/Edmonton",
      SYNC_SCHEDULE: "off",
      SYNC_SECRET,
      ALLOW_DEMO_SECRETS: "1",
    };
    [a, b] = await Promise.all([startNext("A", portA, startEnv), startNext("B", portB, startEnv)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await sql?.end().catch(() => {});
    await Promise.allSettled([emu?.stop(), redis?.stop(), database?.drop()]);
  }, 30_000);

  it("a sync through A is visible on B at its next request", async () => {
    const first = await sync(a);
    expect(first.status, await first.clone().text()).toBe(200);

    // An event with a plain title (no HTML escaping to worry about) that has a live page.
    const { rows } = await sql.query<{ source_id: string; slug: string; title: string }>(
      `select source_id, slug, title from events where published and not hidden and title ~ '^[A-Za-z0-9 ]+$' order by id limit 20`,
    );
    let target: (typeof rows)[number] | undefined;
    for (const row of rows) {
      const page = await html(b, `/events/${row.slug}`);
      if (page.status === 200 && page.text.includes(row.title)) {
        target = row;
        break;
      }
    }
    expect(target, `no event page rendered on B\n${b.output().slice(-3000)}`).toBeDefined();
    const slugPath = `/events/${target!.slug}`;

    // B has it cached now, in Redis; A reads the same entry.
    const again = await html(b, slugPath);
    expect(again.text).toContain(target!.title);
    const client = createClient({ url: redis.url });
    await client.connect();
    const keys = await client.keys("storefront:*");
    await client.close();
    expect(keys.length, "the instances wrote nothing to the shared cache").toBeGreaterThan(0);

    const renamed = `Renamed For Scale ${randomBytes(3).toString("hex")}`;
    await control("PATCH", `events/${target!.source_id}`, { name: renamed });
    // B still serves its cached page: nothing has told it yet.
    expect((await html(b, slugPath)).text).not.toContain(renamed);

    const second = await sync(a);
    const summary = (await second.json()) as { status: string; revalidated: string[] };
    expect(second.status).toBe(200);
    expect(summary.revalidated).toContain(`event:${target!.source_id}`);

    // B's very next request shows the new title; so does its what's-on page.
    const after = await html(b, slugPath);
    expect(after.status).toBe(200);
    expect(after.text).toContain(renamed);
    const listing = await html(b, `/whats-on?q=${encodeURIComponent(renamed)}`);
    expect(listing.status).toBe(200);
    expect(listing.text).toContain(renamed);
  }, 60_000);

  it("two syncs started at once through A and B make exactly one run", async () => {
    const before = Number((await sql.query<{ n: string }>("select count(*) as n from sync_runs")).rows[0]!.n);
    // Slow Spektrix down so the first run is certainly still holding the lock when the second arrives.
    const fault = (await control("POST", "faults", { type: "latency", path: "events", latencyMs: 1_500 })) as {
      id: string;
    };
    try {
      const responses = await Promise.all([sync(a), sync(b)]);
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as { status: string }[];
      expect(bodies.map((x) => x.status).sort()).toEqual(["already-running", "succeeded"]);
    } finally {
      await control("DELETE", `faults/${fault.id}`);
    }
    const after = Number((await sql.query<{ n: string }>("select count(*) as n from sync_runs")).rows[0]!.n);
    expect(after - before).toBe(1);
    const running = await sql.query("select id from sync_runs where status = 'running'");
    expect(running.rowCount).toBe(0);
  }, 45_000);

  it("availability and basket labels answer the same on both instances", async () => {
    const { rows } = await sql.query<{ source_id: string }>(
      "select source_id from performances where starts_at > now() order by starts_at limit 5",
    );
    expect(rows.length).toBeGreaterThan(0);
    const ids = rows.map((r) => r.source_id).join(",");

    const availability = async (instance: NextInstance) => {
      const res = await fetch(`${instance.url}/api/availability?performances=${ids}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { performances: unknown }).performances;
    };
    const [onA, onB] = await Promise.all([availability(a), availability(b)]);
    expect(Object.keys(onA as object).sort()).toEqual(rows.map((r) => r.source_id).sort());
    expect(onB).toEqual(onA);

    const labels = async (instance: NextInstance) => {
      const res = await fetch(`${instance.url}/basket/labels?performances=${ids}`);
      expect(res.status).toBe(200);
      return res.json();
    };
    const [labelsA, labelsB] = await Promise.all([labels(a), labels(b)]);
    expect(labelsB).toEqual(labelsA);
    expect(JSON.stringify(labelsA)).not.toBe("{}");

    // And both instances say they are healthy on the same database.
    for (const instance of [a, b]) {
      const health = (await (await fetch(`${instance.url}/api/health`)).json()) as {
        database: { ok: boolean; kind: string };
      };
      expect(health.database).toMatchObject({ ok: true, kind: "postgres" });
    }
  }, 30_000);

  it("a change synced from outside the sites while B is down shows on B's first request and on A's next (ADR 0008)", async () => {
    const { rows } = await sql.query<{ source_id: string; slug: string; title: string }>(
      `select source_id, slug, title from events where published and not hidden and status = 'active' and title ~ '^[A-Za-z0-9 ]+$' order by id desc limit 20`,
    );
    let target: (typeof rows)[number] | undefined;
    for (const row of rows) {
      if ((await html(a, `/events/${row.slug}`)).text.includes(row.title)) {
        target = row;
        break;
      }
    }
    expect(target, "no event page rendered on A").toBeDefined();
    const slugPath = `/events/${target!.slug}`;
    await html(b, slugPath); // cached in Redis for both

    await b.stop();
    const renamed = `Renamed Outside ${randomBytes(3).toString("hex")}`;
    await control("PATCH", `events/${target!.source_id}`, { name: renamed });
    // As `npm run sync -- --local` does: the engine on the store, with no site to revalidate.
    const store = await openDb(database!.url);
    try {
      const summary = await runSync({
        database: store,
        source: createSpektrixSource({
          baseUrl: emu.url,
          clientName: emu.clientName,
          owner: { apiUser: DEMO_API_USER, apiKey: DEMO_API_KEY },
        }),
        trigger: "cli",
        timeZone: startEnv.VENUE_TIME_ZONE!,
      });
      expect(summary).toMatchObject({ status: "succeeded", revalidated: [] });
    } finally {
      await store.close();
    }

    b = await startNext("B", b.port, startEnv);
    const first = await html(b, slugPath);
    expect(first.text).toContain(renamed);
    // B found the cache behind the store and dropped it in Redis, so A's next request renders anew too.
    expect((await html(a, slugPath)).text).toContain(renamed);
  }, 90_000);

  it("a connection change saved through the shared store and Redis is used by both instances (ADR 0017)", async () => {
    const marker = `webcomponents/scale-${randomBytes(3).toString("hex")}`;
    const pages = async (instance: NextInstance) => (await html(instance, "/support-us")).text;
    expect(await pages(b)).not.toContain(marker);
    // The studio's save, as instance A would run it: the record, a new store generation and the revision in Redis.
    process.env.DATABASE_URL = database!.url;
    process.env.REDIS_URL = redis.url;
    const { newStoredConnection, readStoredConnection, writeStoredConnection } = await import("@/lib/connection");
    const store = await openDb(database!.url);
    try {
      const stored = await readStoredConnection(store.db);
      await writeStoredConnection(
        newStoredConnection({
          revision: (stored?.revision ?? 0) + 1,
          clientName: emu.clientName,
          apiUser: DEMO_API_USER,
          // The environment pins the host and client here; the web-components URL it leaves to the studio.
          webComponentsUrl: `${emu.url}/${marker}`,
        }),
        store,
      );
    } finally {
      await store.close();
      const { closeRedis } = await import("@/lib/redis");
      await closeRedis();
    }
    // Both instances, no restart: within one store check (a couple of seconds) their cached pages start over.
    for (const instance of [b, a])
      await expect.poll(() => pages(instance), { timeout: 15_000, interval: 500 }).toContain(marker);
  }, 60_000);
});
