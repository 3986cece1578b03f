import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // The dependency rule from docs/ARCHITECTURE: the site never imports the emulator.
    files: ["app/**", "components/**", "lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/emulator/**", "@/emulator/**"], message: "The site reaches Spektrix only through SPEKTRIX_BASE_URL; never import the emulator." }] }],
    },
  },
  globalIgnores([".next*/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "ci-results/**", ".tools/**", ".data/**", "drizzle/**"]),
]);
