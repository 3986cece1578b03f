import "@testing-library/jest-dom/vitest";
import { readFileSync } from "node:fs";
import { afterEach, inject, vi } from "vitest";

// Testing Library only cleans up automatically with globals; do it explicitly for DOM tests.
afterEach(async () => {
  if (typeof document !== "undefined") {
    const { cleanup } = await import("@testing-library/react");
    cleanup();
  }
});

// An in-memory PGlite (`new PGlite()`, what `pglite://memory` opens) starts from a copy of the empty cluster
// tests/global-setup.ts made once, rather than running initdb again: the same empty database, seconds sooner.
// Stores in a folder are opened as they are.
vi.mock("@electric-sql/pglite", async (importOriginal) => {
  const real = await importOriginal<typeof import("@electric-sql/pglite")>();
  const template = new Blob([readFileSync(inject("pgliteTemplate"))]);
  class PGlite extends real.PGlite {
    constructor(...args: ConstructorParameters<typeof real.PGlite>) {
      if (args.length === 0) super({ loadDataDir: template });
      else super(...args);
    }
  }
  return { ...real, PGlite };
});
