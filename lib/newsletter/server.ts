/** Newsletter sign-up wiring: the owner client of the connection in force, the shared limiter, config. Server only. */
import "server-only";
import { env } from "@/lib/config";
import { logger } from "@/lib/log/logger.mjs";
import { LIMITS, sharedRateLimiter } from "@/lib/rate-limit";
import { accountService } from "@/lib/auth/services";
import { loadStatements } from "@/lib/spektrix-flows/catalogue";
import { issueFormToken } from "./form-token";
import type { SignUpDeps } from "./sign-up";

const log = logger("newsletter");

export async function signUpDeps(): Promise<SignUpDeps> {
  const e = env();
  return {
    spektrix: (await accountService()).owner,
    statements: loadStatements,
    limiter: sharedRateLimiter(LIMITS.newsletterSignUp),
    siteUrl: e.SITE_URL,
    secret: e.AUTH_SECRET,
    // Outcome codes only: never the e-mail address, names or customer id.
    log: (event, fields = {}) => log.info(fields, event),
  };
}

/** A fresh form token: signed with the same secret the sign-up checks it with. */
export function newFormToken(): string {
  return issueFormToken(env().AUTH_SECRET);
}
