import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { defaultDataDir, startEmulator } from "./index";
import {
  DEMO_API_KEY,
  DEMO_API_KEY_TEXT,
  DEMO_API_USER,
  DEMO_GUEST,
  DEMO_MEMBER,
  DEMO_PROMO_CODE,
  TEST_CARDS,
} from "./demo-credentials";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    data: { type: "string" },
    client: { type: "string", default: "demo" },
    origin: { type: "string", multiple: true, default: [] },
    "shift-dates": { type: "boolean", default: false },
    now: { type: "string" },
    "time-zone": { type: "string" },
    control: { type: "boolean", default: false },
    "token-ttl": { type: "string" },
    "basket-ttl": { type: "string" },
    "lenient-web-mode": { type: "boolean", default: false },
    "provider-port": { type: "string" },
    "issuer-port": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run emulator -- [--port 4010] [--host 127.0.0.1] [--data <dir>] [--client demo]
  [--origin http://localhost:3000 ...] [--shift-dates] [--now <ISO instant>] [--control] [--token-ttl <ms>] [--basket-ttl <ms>]
  [--time-zone <IANA zone>] the system's zone: every …Utc time is derived from its local twin in it
  [--lenient-web-mode]      accept web-mode API calls from anything, not only browsers on an allowed origin
  [--provider-port N]       the payment provider's host (card fields), default --port + 1
  [--issuer-port N]         the card issuer's host (3-D Secure challenges), default --port + 2`);
  process.exit(0);
}

if (values["time-zone"]) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: values["time-zone"] });
  } catch {
    console.error(`--time-zone: not an IANA time zone: ${values["time-zone"]}`);
    process.exit(2);
  }
}

// --now starts the emulator's clock at a given instant (then it runs in real time): with --shift-dates it
// reproduces the catalogue a run saw at that time of day.
const now = values.now === undefined ? undefined : new Date(values.now);
if (now && Number.isNaN(now.getTime())) {
  console.error(`--now: not an instant: ${values.now}`);
  process.exit(2);
}

const started = Date.now();
const emulator = await startEmulator({
  port: Number(values.port),
  hostname: values.host,
  dataDir: values.data ? resolve(values.data) : defaultDataDir(),
  clientName: values.client,
  origins: values.origin,
  shiftDates: values["shift-dates"],
  timeZone: values["time-zone"],
  now,
  control: values.control,
  tokenTtlMs: values["token-ttl"] ? Number(values["token-ttl"]) : undefined,
  basketTtlMs: values["basket-ttl"] ? Number(values["basket-ttl"]) : undefined,
  webModeFromBrowsersOnly: !values["lenient-web-mode"],
  // The two ports after --port; with --port 0 (any free port) each picks its own.
  providerPort: values["provider-port"]
    ? Number(values["provider-port"])
    : Number(values.port) === 0
      ? 0
      : Number(values.port) + 1,
  issuerPort: values["issuer-port"]
    ? Number(values["issuer-port"])
    : Number(values.port) === 0
      ? 0
      : Number(values.port) + 2,
});
const cat = emulator.state.catalogue;
console.log(`Spektrix emulator ready in ${Date.now() - started} ms
  API:        ${emulator.apiBase}
  Catalogue:  ${cat.events.size} events, ${cat.instances.size} instances, ${cat.venues.size} venues${values["shift-dates"] ? `\n  Shifted:    ${[...cat.shifts].map(([file, ms]) => `${file} by ${Math.round(ms / 86_400_000)} days`).join(", ")}` : ""}
  Origins:    ${values.origin.length ? values.origin.join(", ") : "(none: browsers on other origins get no CORS headers)"}
  Web mode:   ${values["lenient-web-mode"] ? "lenient (any client)" : "browsers on an allowed origin only (others get a 403 bot-block page)"}
  Payments:   provider ${emulator.paymentHosts.provider}, card issuer ${emulator.paymentHosts.issuer}
  Control:    ${values.control ? `${emulator.url}/__control` : "off (start with --control)"}
  Owner API user: ${DEMO_API_USER}
  Owner API key:  ${DEMO_API_KEY}   (base64 of "${DEMO_API_KEY_TEXT}")
  Customers:  ${DEMO_MEMBER.email} / ${DEMO_MEMBER.password} (member)   ${DEMO_GUEST.email} / ${DEMO_GUEST.password}
  Promo code: ${DEMO_PROMO_CODE}
  Test cards: ${TEST_CARDS.success} success, ${TEST_CARDS.refused} refused, ${TEST_CARDS.error} error`);

const shutdown = () => {
  void emulator.stop().then(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
