/**
 * next-auth 4 options: one Credentials provider whose proof Spektrix checks, a JWT session in an httpOnly cookie.
 * See docs/members-and-checkout.md for the whole sign-in flow and docs/adr/0003-next-auth-v4.md for why v4.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env, exportNextAuthUrl } from "@/lib/config";
import { logger } from "@/lib/log/logger.mjs";
import { routes } from "@/lib/routes";
import { authorizeBasketProof, SignInError } from "./authorize";
import { sessionCookies, shouldUseSecureCookies } from "./cookies";
import { attempt, LIMITS, memberSignInLimit, sharedRateLimiter } from "@/lib/rate-limit";
import { clientIp } from "@/lib/security/client-ip";
import { isSessionRevoked, revokeSessions } from "./revocation";
import { MEMBER_SIGN_IN_PROVIDER } from "./paths";
import { accountService } from "./services";

/** Members are signed out after this long even if active: the Spektrix web session is shorter still. */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const authLog = logger("auth");

function log(event: string, fields: Record<string, unknown> = {}) {
  // Codes and counts only: never an e-mail address, password, customer id or token.
  authLog.warn(fields, event);
}

export interface AuthOptionsVariant {
  /** A sign-out ends every session of the account (the default), or only the one asking (drift repair). */
  signOutEverywhere?: boolean;
}

export function buildAuthOptions({ signOutEverywhere = true }: AuthOptionsVariant = {}): NextAuthOptions {
  const e = env();
  exportNextAuthUrl(e);
  const secure = shouldUseSecureCookies(e.SITE_URL, e.NODE_ENV);

  return {
    secret: e.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    useSecureCookies: secure,
    cookies: sessionCookies(secure),
    pages: { signIn: routes.login, error: routes.login },
    providers: [
      // The browser signs in to Spektrix and sends its session basket's id and hash; the server reads that
      // basket in owner mode to learn who signed in (docs/adr/0013). No password reaches this server.
      CredentialsProvider({
        id: MEMBER_SIGN_IN_PROVIDER,
        name: "Spektrix account",
        credentials: { basketId: { type: "text" }, basketHash: { type: "text" } },
        async authorize(credentials, req) {
          const account = await accountService();
          try {
            const user = await authorizeBasketProof(
              { proof: credentials, ip: clientIp(req.headers ?? {}) },
              {
                allowAddress: async (ip) => (await attempt(sharedRateLimiter(memberSignInLimit()), ip)).allowed,
                spendProof: async (key) => (await attempt(sharedRateLimiter(LIMITS.memberSignInProof), key)).allowed,
                releaseProof: async (key) => void (await sharedRateLimiter(LIMITS.memberSignInProof).delete(key)),
                readBasket: (id) => account.findBasket(id),
                loadAccount: (id) => account.getAccount(id),
                log,
              },
            );
            return user ? { id: user.customerId, ...user } : null;
          } catch (error) {
            // next-auth turns a thrown Error's message into `?error=` for the form.
            if (error instanceof SignInError) throw new Error(error.code);
            throw new Error("Unavailable");
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.customerId;
          token.customerId = user.customerId;
          token.name = user.name;
          token.email = user.email;
          token.membershipIds = user.membershipIds;
          token.authAt = Date.now();
          return token;
        }
        // Signed out (here or on another instance): the cookie stays a valid JWT until it expires, so it is
        // re-issued empty, which every reader treats as signed out.
        if (token.customerId && (await isSessionRevoked("member", token.customerId, token.authAt))) return {};
        return token;
      },
      async session({ session, token }) {
        session.user = {
          customerId: token.customerId ?? "",
          name: token.name ?? null,
          email: token.email ?? null,
          membershipIds: token.membershipIds ?? [],
        };
        return session;
      },
      async redirect({ url, baseUrl }) {
        // Only this site, and a malformed callbackUrl (`http://[`) is the home page rather than a thrown error.
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        try {
          return new URL(url).origin === baseUrl ? url : baseUrl;
        } catch {
          return baseUrl;
        }
      },
    },
    events: {
      async signOut({ token }) {
        if (signOutEverywhere && token?.customerId) await revokeSessions("member", token.customerId);
      },
    },
    logger: {
      error: (code) => log("next-auth error", { code }),
      warn: (code) => log("next-auth warning", { code }),
      debug: () => undefined,
    },
  };
}

const cached = new Map<boolean, NextAuthOptions>();

export function authOptions(variant: AuthOptionsVariant = {}): NextAuthOptions {
  const everywhere = variant.signOutEverywhere ?? true;
  let options = cached.get(everywhere);
  if (!options) cached.set(everywhere, (options = buildAuthOptions({ signOutEverywhere: everywhere })));
  return options;
}
