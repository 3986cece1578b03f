import { defineConfig, devices } from "@playwright/test";

// Ports apart from the demo's (3000/4010), so tests can run while a demo is open; E2E_SITE_PORT and
// E2E_EMULATOR_PORT move them, so two checkouts can run their journeys side by side.
const SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 3100);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;
export const SITE_URL = `http://127.0.0.1:${SITE_PORT}`;
/** The emulator's payment provider and card issuer, on the two ports after it (scripts/demo.ts, emulator/cli.ts). */
/** Everything the e2e server writes (scripts/demo.ts --log-file): tests scan it for secrets. */
export const SERVER_LOG = ".data/e2e-server.log";
export const PAYMENT_HOSTS = {
  provider: `http://127.0.0.1:${EMULATOR_PORT + 1}`,
  issuer: `http://127.0.0.1:${EMULATOR_PORT + 2}`,
} as const;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: SITE_URL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // Debian's Chromium: Playwright cannot download its own browser here.
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    // The demo itself, in production mode on a fresh database: the journeys test what a visitor would get.
    command: `node --import tsx scripts/demo.ts --prod --skip-build --fresh --quiet --log-file ${SERVER_LOG} --port ${SITE_PORT} --emulator-port ${EMULATOR_PORT}`,
    url: `http://127.0.0.1:${SITE_PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: {
      DATABASE_URL: "pglite://.data/e2e-db",
      SITE_URL,
      ALLOW_DEMO_SECRETS: "1",
      // Every journey signs a member in from 127.0.0.1: together they pass a public site's 30 per 15 minutes.
      MEMBER_SIGN_IN_ATTEMPTS_PER_ADDRESS: "500",
      // Tests run the syncs they need; the demo's timer would start one at a moment of its own (15 s after the
      // start, then at the saved settings' interval), and a test's sync arriving then is answered 409 "already
      // running". The timer is tested in tests/sync/schedule.test.ts.
      SYNC_SCHEDULE: "off",
      // The shortest a seat count may be reused (30 s on a public site): the journey that changes a performance's
      // seats waits out this cache twice. The cache itself is tested in tests/availability.
      AVAILABILITY_CACHE_SECONDS: "5",
    },
  },
});
