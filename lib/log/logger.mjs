/**
 * The site's one server logger: pino, one JSON line per event, `{ level, time, area, msg, …fields }`.
 * Plain JavaScript (types in `logger.d.mts`) so `cache-handler.mjs` logs the same way as the site.
 *
 * No personal data in logs. Callers pass event names and outcome codes, never e-mail addresses, names,
 * passwords, tokens, customer ids or addresses; and in case one slips into a field anyway, those keys are
 * censored here (at the top level and one level down), and credentials in URLs are masked by `redactUrl`.
 * Server only: never import it from a client component.
 */
import pino from "pino";
import { buildEnv } from "../config/build.mjs";

/** Field names whose values are never written, wherever a caller puts them. */
export const REDACTED_KEYS = [
  "email",
  "name",
  "firstName",
  "lastName",
  "password",
  "token",
  "paymentToken",
  "accessToken",
  "secret",
  "authorization",
  "cookie",
  "customerId",
  "address",
  "addresses",
  "phone",
];

const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]);

/**
 * Hides the password when a URL is printed in an error or log.
 * @param {string} url
 * @returns {string}
 */
export function redactUrl(url) {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

/**
 * A logger writing to `destination` (standard output by default). Tests pass their own stream.
 * @param {{ level?: string, destination?: import("pino").DestinationStream }} [options]
 */
export function createLogger(options = {}) {
  return pino(
    {
      level: options.level ?? buildEnv().LOG_LEVEL,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

const holder = /** @type {{ __storefrontLogger?: import("pino").Logger }} */ (globalThis);

/**
 * The logger for one area of the site (`db`, `auth`, `checkout`, `sync`, …), sharing one root per process.
 * @param {string} area
 */
export function logger(area) {
  holder.__storefrontLogger ??= createLogger();
  return holder.__storefrontLogger.child({ area });
}

/**
 * What an error may say in a log: its name and message (which for our own errors carry no personal data).
 * @param {unknown} error
 * @returns {string}
 */
export function errorText(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
