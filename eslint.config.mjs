import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // The site never imports the emulator: it reaches Spektrix, or the stand-in, only through SPEKTRIX_BASE_URL.
    files: ["app/**", "components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/emulator/**", "@/emulator/**"],
              message: "The site reaches Spektrix only through SPEKTRIX_BASE_URL; never import the emulator.",
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      // A leading underscore marks a parameter that a callback signature requires but this code does not use.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Tests poke at raw JSON from the emulator and Spektrix; typing every probe would hide what they assert.
    files: ["tests/**", "e2e/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  globalIgnores([
    ".next*/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "ci-results/**",
    ".tools/**",
    ".data/**",
    "drizzle/**",
  ]),
]);
