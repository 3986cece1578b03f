import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

/**
 * Generative input test against the built site: every route in the app/ tree and every server action in the
 * build's manifest gets malformed percent-encoding, huge, negative and non-numeric ids, oversized and
 * malformed bodies, and foreign origins. No answer may be a 5xx, every answer carries the security headers,
 * and the inputs the request guard (lib/security/request-guard.ts) refuses get a 4xx in the project's error
 * body. The route list is read from app/ at run time, so a new route is covered without editing this file.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next");

type Route = { file: "page" | "route"; segments: string[] };

/** Every page and route handler under app/, as URL segments (`[x]` dynamic, `[...x]` catch-all), route groups dropped. */
function appRoutes(dir = path.join(ROOT, "app"), segments: string[] = []): Route[] {
  const out: Route[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      out.push(...appRoutes(full, /^\(.*\)$/.test(entry) ? segments : [...segments, entry]));
    } else if (/^(page|route)\.tsx?$/.test(entry)) {
      out.push({ file: entry.startsWith("page") ? "page" : "route", segments });
    } else if (/^(robots|sitemap)\.ts$/.test(entry)) {
      out.push({
        file: "route",
        segments: [...segments, entry.replace(/\.ts$/, entry.startsWith("robots") ? ".txt" : ".xml")],
      });
    }
  }
  return out;
}

const isDynamic = (segment: string) => /^\[.+\]$/.test(segment);
/** A URL for `route` with every dynamic segment set to `value` (other dynamic segments an ordinary id). */
function urlFor(route: Route, at: number, value: string): string {
  return (
    "/" +
    route.segments
      .map((s, i) => (i === at ? value : isDynamic(s) ? (s.startsWith("[...") ? "callback/credentials" : "1") : s))
      .join("/")
  );
}

const ROUTES = appRoutes();
const MALFORMED = ["%E0%A4%A", "%", "%zz", "%C0%AF", "%ED%A0%80", "%FF", "a%2", "%E0%A4%A/extra"];
// No literal `..`: browsers resolve it before sending, and Next answers a raw one with its own normalising 308.
const IDS = ["-1", "0", "2147483648", "99999999999999999999", "1e309", "NaN", "1.5", "0x10", "%20", "a".repeat(300)];
const BIG = "a".repeat(2 * 1024 * 1024 + 1);

/**
 * Each check records what is wrong instead of stopping at the first problem, so a failing run lists every
 * route and input at fault; after each test `problems` must be empty.
 */
let problems: string[] = [];
test.beforeEach(() => {
  problems = [];
});
test.afterEach(() => {
  expect(problems).toEqual([]);
});

function checkHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  if (!/frame-ancestors '(self|none)'/.test(h["content-security-policy"] ?? "")) problems.push(`${what}: no CSP`);
  if (h["x-content-type-options"] !== "nosniff") problems.push(`${what}: no nosniff`);
  if (h["x-frame-options"] !== "SAMEORIGIN") problems.push(`${what}: no X-Frame-Options`);
}

/** A 4xx refusal in the one error body, with the security headers. */
async function expectRefused(res: APIResponse, what: string) {
  checkHeaders(res, what);
  if (res.status() < 400 || res.status() >= 500) return void problems.push(`${what} → ${res.status()}, not a 4xx`);
  const body = (await res.json().catch(() => null)) as { error?: unknown; message?: unknown } | null;
  if (typeof body?.error !== "string" || typeof body.message !== "string")
    problems.push(`${what} → not the { error, message } body`);
}

/** Anything but a server error, with the security headers. */
async function expectNoServerError(res: APIResponse, what: string) {
  checkHeaders(res, what);
  if (res.status() >= 500) problems.push(`${what} → ${res.status()}`);
}

test.describe("every route, hostile input", () => {
  test("the route tree is read from app/", () => {
    const paths = ROUTES.map((r) => "/" + r.segments.join("/"));
    expect(paths).toContain("/events/[slug]");
    expect(paths).toContain("/api/checkout/customer-payment");
    expect(ROUTES.filter((r) => r.segments.some(isDynamic)).length).toBeGreaterThanOrEqual(10);
  });

  test("malformed percent-encoding in every dynamic segment → 4xx, security headers, the error body", async ({
    request,
  }) => {
    test.setTimeout(120_000);
    let tried = 0;
    for (const route of ROUTES) {
      const positions = route.segments.map((s, i) => (isDynamic(s) ? i : -1)).filter((i) => i >= 0);
      // A static route gets the bad segment appended (what a dynamic child, or the not-found page, would see).
      const urls = positions.length
        ? positions.flatMap((at) => MALFORMED.map((bad) => urlFor(route, at, bad)))
        : MALFORMED.map((bad) => `/${[...route.segments, bad].join("/")}`.replace(/^\/\//, "/"));
      for (const url of urls) {
        for (const method of ["GET", "POST"] as const) {
          const res = await request.fetch(url, { method, maxRedirects: 0, data: method === "POST" ? "{}" : undefined });
          await expectRefused(res, `${method} ${url}`);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(300);
  });

  test("huge, negative and non-numeric ids in every dynamic segment → never a 5xx", async ({ request }) => {
    test.setTimeout(120_000);
    for (const route of ROUTES) {
      for (const [at, segment] of route.segments.entries()) {
        if (!isDynamic(segment)) continue;
        for (const id of IDS) {
          const url = urlFor(route, at, id);
          await expectNoServerError(await request.get(url, { maxRedirects: 0 }), `GET ${url}`);
        }
      }
    }
  });

  test("an oversized body to every route → 413 before anything reads it", async ({ request }) => {
    test.setTimeout(120_000);
    for (const route of ROUTES) {
      const url = urlFor(route, -1, "");
      const res = await request.post(url, {
        data: BIG,
        headers: { "content-type": "application/json" },
        maxRedirects: 0,
      });
      await expectRefused(res, `POST ${url} (2 MB)`);
      if (res.status() !== 413) problems.push(`POST ${url} (2 MB) → ${res.status()}, not 413`);
    }
  });

  test("malformed and wrong-shaped bodies to every route → never a 5xx", async ({ request }) => {
    test.setTimeout(120_000);
    const bodies: Array<[string, string]> = [
      ["application/json", "{"],
      ["application/json", "[]"],
      ["application/json", "null"],
      ["application/json", JSON.stringify({ basketId: -1, billingAddressId: 99999999999999999999, storeCard: "yes" })],
      ["application/x-www-form-urlencoded", "email=%E0%A4%A&password=&callbackUrl=http://%5B"],
      ["application/x-www-form-urlencoded", "callbackUrl=%E0%A4%A&csrfToken=x"],
      ["multipart/form-data; boundary=zz", '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb'],
      ["text/plain", "\u0000\uFFFF"],
    ];
    for (const route of ROUTES) {
      const url = urlFor(route, -1, "");
      for (const [type, data] of bodies) {
        const res = await request.post(url, { data, headers: { "content-type": type }, maxRedirects: 0 });
        await expectNoServerError(res, `POST ${url} ${type} ${JSON.stringify(data).slice(0, 40)}`);
      }
    }
  });

  test("sign-in: a GET to the credentials callback and malformed callbackUrl values → never a 5xx", async ({
    request,
  }) => {
    await expectRefused(await request.get("/api/auth/callback/credentials", { maxRedirects: 0 }), "GET callback");
    // Only the forms' url-encoded bodies: next-auth would parse anything else as JSON, and a bad one threw.
    for (const path of ["/api/auth/callback/credentials", "/api/auth/signout"]) {
      const res = await request.post(path, { headers: { "content-type": "application/json" }, data: "{not json" });
      expect(res.status(), path).toBe(415);
      await expectRefused(res, `JSON to ${path}`);
    }
    const csrf = ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
    for (const callbackUrl of [
      "http://[",
      "%E0%A4%A",
      "//evil.example",
      "javascript:alert(1)",
      "http://evil.example",
      "\\\\evil.example",
      "/%2F%2Fevil.example",
    ]) {
      const res = await request.post("/api/auth/callback/credentials", {
        form: { email: "nobody@example.com", password: "wrong", csrfToken: csrf, callbackUrl, json: "true" },
        maxRedirects: 0,
      });
      await expectNoServerError(res, `callbackUrl=${callbackUrl}`);
      const location =
        res.headers()["location"] ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
      if (location.includes("evil.example")) problems.push(`callbackUrl=${callbackUrl} → sent to ${location}`);
      const signin = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, {
        maxRedirects: 0,
      });
      await expectNoServerError(signin, `signin callbackUrl=${callbackUrl}`);
    }
  });
});

/** Every server action in the build, with the page it is posted to. */
function serverActions(): Array<{ id: string; name: string; page: string }> {
  const manifest = JSON.parse(readFileSync(path.join(DIST, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const page = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .split("/")
      .filter((s) => s && !/^\(.*\)$/.test(s))
      .map((s) => (isDynamic(s) ? "1" : s))
      .join("/");
    return { id, name: entry.exportedName ?? id, page: `/${page}` };
  });
}

async function postAction(
  request: APIRequestContext,
  action: { id: string; page: string },
  options: { origin?: string | null; type?: string; data: string },
) {
  const headers: Record<string, string> = {
    "next-action": action.id,
    "content-type": options.type ?? "text/plain;charset=UTF-8",
  };
  if (options.origin !== null) headers.origin = options.origin ?? new URL(test.info().project.use.baseURL!).origin;
  return request.post(action.page, { headers, data: options.data, maxRedirects: 0 });
}

test.describe("every server action, hostile input", () => {
  const actions = serverActions();

  test("the action list is read from the build", () => {
    expect(actions.map((a) => a.name)).toEqual(
      expect.arrayContaining(["signInAction", "savePageAction", "deletePageAction"]),
    );
  });

  test("foreign or null Origin, oversized, undecodable or wrongly typed bodies → 4xx in the error body", async ({
    request,
  }) => {
    test.setTimeout(120_000);
    for (const action of actions) {
      const what = (kind: string) => `${action.name} (${action.page}): ${kind}`;
      await expectRefused(
        await postAction(request, action, { origin: "https://evil.example", data: "[]" }),
        what("foreign Origin"),
      );
      await expectRefused(await postAction(request, action, { origin: "null", data: "[]" }), what("Origin null"));
      await expectRefused(await postAction(request, action, { data: BIG }), what("2 MB body"));
      await expectRefused(await postAction(request, action, { data: "garbage{" }), what("not JSON"));
      await expectRefused(await postAction(request, action, { data: '{"a":1}' }), what("not an argument list"));
      await expectRefused(
        await postAction(request, action, { type: "application/json", data: "[]" }),
        what("JSON content type"),
      );
      await expectRefused(
        await postAction(request, action, { type: "multipart/form-data; boundary=zz", data: "garbage" }),
        what("broken multipart"),
      );
    }
  });

  test("well-formed arguments of the wrong shape → the action's own refusal, never a 5xx", async ({ request }) => {
    test.setTimeout(120_000);
    // Signed out: every action but sign-in refuses before reading its arguments, and sign-in must cope with any.
    for (const action of actions) {
      for (const data of ["[]", "[null]", "[1,2,3]", '["x",{"y":[]}]', "[99999999999999]", "[-1]", '[{"$":"x"}]']) {
        const res = await postAction(request, action, { data });
        await expectNoServerError(res, `${action.name} ${data}`);
        const text = await res.text();
        if (/E\{"digest"/.test(text)) problems.push(`${action.name} ${data} → an error payload`);
      }
    }
  });
});

test.describe("studio ids out of range, as an editor", () => {
  test("huge, negative and malformed ids in studio pages → 404, never a 5xx", async ({ page }) => {
    await page.goto("/studio/sign-in");
    await page.getByLabel(/e-?mail/i).fill("editor@example.com");
    await page.getByLabel(/password/i).fill("editor-pass");
    await page.getByRole("button", { name: /sign in/i }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/studio/sign-in"), { timeout: 15_000 });
    for (const route of ROUTES.filter((r) => r.segments[0] === "studio" && r.segments.some(isDynamic))) {
      const at = route.segments.findIndex(isDynamic);
      for (const id of IDS) {
        const url = urlFor(route, at, id);
        const res = await page.request.get(url, { maxRedirects: 0 });
        await expectNoServerError(res, `editor GET ${url}`);
        if (res.status() !== 404) problems.push(`editor GET ${url} → ${res.status()}, not 404`);
      }
      for (const bad of MALFORMED)
        await expectRefused(await page.request.get(urlFor(route, at, bad), { maxRedirects: 0 }), `editor GET ${bad}`);
    }
  });
});
