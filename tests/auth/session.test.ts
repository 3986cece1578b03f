import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import {
  hasSignedOutOnPurpose,
  SIGNED_IN_HINT_COOKIE,
  SIGNED_OUT_ON_PURPOSE_COOKIE,
  sessionCookies,
  shouldUseSecureCookies,
  withSignedInHint,
} from "@/lib/auth/cookies";
import { safeCallbackPath } from "@/lib/auth/paths";
import { clientIp, PEER_ADDRESS_HEADER } from "@/lib/security/client-ip";
import { greetingName, isMember, isSignedIn } from "@/lib/auth/session";

const member = { customerId: "I-MB22-1DMO", name: "Morgan Member", email: "m@example.com", membershipIds: ["201AB"] };

describe("session roles", () => {
  it("tells signed-in customers from members", () => {
    expect(isSignedIn(null)).toBe(false);
    expect(isSignedIn({ ...member, customerId: "" })).toBe(false);
    expect(isSignedIn(member)).toBe(true);
    expect(isMember(member)).toBe(true);
    expect(isMember({ ...member, membershipIds: [] })).toBe(false);
    expect(isMember(member, ["201AB", "401AB"])).toBe(true);
    expect(isMember(member, ["401AB"])).toBe(false);
    expect(greetingName(member)).toBe("Morgan");
    expect(greetingName({ ...member, name: null })).toBeNull();
  });
});

describe("session cookie", () => {
  it("is httpOnly and SameSite=Lax, and Secure over https and in production", () => {
    for (const cookie of Object.values(sessionCookies(true))) {
      expect(cookie!.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
    }
    expect(sessionCookies(true).sessionToken!.name).toMatch(/^__Secure-/);
    expect(sessionCookies(false).sessionToken!.options).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      secure: false,
    });
    expect(shouldUseSecureCookies("https://www.venue.org", "development")).toBe(true);
    expect(shouldUseSecureCookies("http://www.venue.org", "production")).toBe(true);
    expect(shouldUseSecureCookies("http://localhost:3000", "development")).toBe(false);
    // The local production build the end-to-end tests run over plain http.
    expect(shouldUseSecureCookies("http://127.0.0.1:3100", "production")).toBe(false);
  });
});

describe("after sign-in redirects", () => {
  it("allow only paths on this site", () => {
    expect(safeCallbackPath("/checkout?x=1")).toBe("/checkout?x=1");
    expect(safeCallbackPath(undefined)).toBe("/account");
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/%0d%0aSet-Cookie",
      "\t/x",
    ]) {
      const result = safeCallbackPath(bad);
      expect(result.startsWith("//")).toBe(false);
      expect(new URL(result, "https://site.example").origin).toBe("https://site.example");
    }
  });
});

describe("client address for rate limits", () => {
  it("takes the address the nearest trusted proxy recorded, never one the visitor wrote", () => {
    // A visitor sent "1.2.3.4"; the one trusted proxy (the socket peer, 10.0.0.1) appended what it saw.
    const viaProxy = new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.5", [PEER_ADDRESS_HEADER]: "10.0.0.1" });
    expect(clientIp(viaProxy, 1)).toBe("203.0.113.5");
    // Two trusted proxies: the outer one recorded the client, the inner one recorded the outer proxy.
    expect(
      clientIp({ "x-forwarded-for": "1.2.3.4, 203.0.113.5, 10.0.0.2", [PEER_ADDRESS_HEADER]: "10.0.0.1" }, 2),
    ).toBe("203.0.113.5");
  });

  it("trusts no header by default: the socket peer, whatever X-Forwarded-For or X-Real-IP say", () => {
    for (const forged of ["198.51.100.7", "1.2.3.4, 5.6.7.8", ""]) {
      expect(
        clientIp({ "x-forwarded-for": forged, "x-real-ip": "198.51.100.2", [PEER_ADDRESS_HEADER]: "192.0.2.44" }, 0),
      ).toBe("192.0.2.44");
    }
    expect(clientIp({ "x-forwarded-for": "198.51.100.7" }, 0)).toBe("unknown");
    expect(clientIp({}, 0)).toBe("unknown");
  });
});

describe("membership expiry in the venue's time zone", () => {
  it("keeps a membership current until midnight at the venue, not midnight UTC", async () => {
    const { isCurrent } = await import("@/lib/spektrix/account");
    const expiry = { expiryDate: "2026-03-31T00:00:00" };
    // 20:00 on 30 March in Edmonton (MDT, UTC-6) is 02:00 UTC on the 31st: still current at the venue.
    expect(isCurrent(expiry, new Date("2026-03-31T02:00:00Z"), "America/Edmonton")).toBe(true);
    expect(isCurrent(expiry, new Date("2026-03-31T06:00:01Z"), "America/Edmonton")).toBe(false);
    expect(isCurrent({ expiryDate: null }, new Date(), "America/Edmonton")).toBe(true);
  });
});

describe("signed-in hint cookie", () => {
  const name = "next-auth.session-token";
  const respond = (...cookies: string[]) => {
    const headers = new Headers({ "content-type": "application/json" });
    for (const cookie of cookies) headers.append("Set-Cookie", cookie);
    return new Response('{"ok":true}', { status: 200, headers });
  };
  const hintOf = (response: Response) =>
    response.headers.getSetCookie().find((c) => c.startsWith(`${SIGNED_IN_HINT_COOKIE}=`));

  it("is set with the session's lifetime when a session is issued, readable by script", async () => {
    const response = withSignedInHint(
      respond(`${name}=eyJ.abc; Path=/; Expires=Wed, 01 Jan 2098 00:00:00 GMT; HttpOnly; SameSite=Lax`),
      name,
      false,
    );
    expect(hintOf(response)).toBe(
      `${SIGNED_IN_HINT_COOKIE}=1; Path=/; SameSite=Lax; Expires=Wed, 01 Jan 2098 00:00:00 GMT`,
    );
    expect(hintOf(response)).not.toMatch(/HttpOnly/i);
    // The session cookie and the body pass through untouched.
    expect(response.headers.getSetCookie()[0]).toMatch(new RegExp(`^${name}=eyJ`));
    expect(await response.json()).toEqual({ ok: true });
  });

  it("is cleared when the session is cleared, and marked Secure on https", () => {
    const cleared = withSignedInHint(
      respond(`__Secure-${name}=; Path=/; Max-Age=0; HttpOnly; Secure`),
      `__Secure-${name}`,
      true,
    );
    expect(hintOf(cleared)).toBe(`${SIGNED_IN_HINT_COOKIE}=; Path=/; SameSite=Lax; Max-Age=0; Secure`);
    const expired = withSignedInHint(respond(`${name}=x; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`), name, false);
    expect(hintOf(expired)).toMatch(/^signed-in=; .*Max-Age=0/);
  });

  it("marks a sign-out made on purpose, and forgets the mark at the next sign-in", () => {
    const markerOf = (response: Response) =>
      response.headers.getSetCookie().find((c) => c.startsWith(`${SIGNED_OUT_ON_PURPOSE_COOKIE}=`));
    const clearing = () => respond(`${name}=; Path=/; Max-Age=0; HttpOnly`);
    expect(markerOf(withSignedInHint(clearing(), name, false, { signOutOnPurpose: true }))).toBe(
      `${SIGNED_OUT_ON_PURPOSE_COOKIE}=1; Max-Age=28800; Path=/; SameSite=Lax`,
    );
    // The drift repair's device-only sign-out is not on purpose: no mark.
    expect(markerOf(withSignedInHint(clearing(), name, false))).toBeUndefined();
    expect(markerOf(withSignedInHint(respond(`${name}=eyJ.abc; Path=/; Max-Age=28800`), name, true))).toBe(
      `${SIGNED_OUT_ON_PURPOSE_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax; Secure`,
    );
    expect(hasSignedOutOnPurpose(`a=b; ${SIGNED_OUT_ON_PURPOSE_COOKIE}=1`)).toBe(true);
    expect(hasSignedOutOnPurpose(`${SIGNED_OUT_ON_PURPOSE_COOKIE}=`)).toBe(false);
  });

  it("follows a session split into chunks, and leaves other responses alone", () => {
    expect(hintOf(withSignedInHint(respond(`${name}.0=part; Path=/; Max-Age=28800`), name, false))).toBe(
      `${SIGNED_IN_HINT_COOKIE}=1; Path=/; SameSite=Lax; Max-Age=28800`,
    );
    const untouched = respond("next-auth.csrf-token=abc; Path=/; HttpOnly");
    expect(withSignedInHint(untouched, name, false)).toBe(untouched);
  });
});
