import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["tests/**/*.test.{ts,tsx}"],
    setupFiles: ["./tests/setup.ts"],
    globalSetup: ["./tests/global-setup.ts"],
    // Guards against a hung test, not budgets: opening an in-memory PGlite and migrating it takes ~9 s alone and
    // past 20 s when builds share the two cores, so a tighter limit fails sound tests on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PGlite instances and emulator servers are heavy; two workers match the 2-core machines.
    maxWorkers: 2,
  },
});
