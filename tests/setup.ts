import "@testing-library/jest-dom/vitest";
import { afterEach } from "vitest";

// Testing Library only cleans up automatically with globals; do it explicitly for DOM tests.
afterEach(async () => {
  if (typeof document !== "undefined") {
    const { cleanup } = await import("@testing-library/react");
    cleanup();
  }
});
