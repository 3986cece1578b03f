import { describe, expect, it } from "vitest";
import { errorBody, errorResponse, resultResponse } from "@/lib/http/errors";

describe("error answers", () => {
  it("are JSON { error, message }, not cacheable unless the caller says so", async () => {
    const res = errorResponse(404, "not-found", "Unknown event.");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ error: "not-found", message: "Unknown event." });
  });

  it("keep the caller's headers and carry field problems only when there are some", async () => {
    const res = errorResponse(401, "unauthorized", "Send a bearer token.", {
      headers: { "WWW-Authenticate": "Bearer" },
      problems: ["eventId must be a Spektrix event id"],
    });
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
    expect(await res.json()).toEqual({
      error: "unauthorized",
      message: "Send a bearer token.",
      problems: ["eventId must be a Spektrix event id"],
    });
    expect(errorBody("bad-request", "Send {}.", [])).toEqual({ error: "bad-request", message: "Send {}." });
  });

  it("turn a handler result into an answer: its body when it is no error, else the error shape with Retry-After", async () => {
    const ok = resultResponse({ status: 200, body: { paymentToken: "t", basketHash: null } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(await ok.json()).toEqual({ paymentToken: "t", basketHash: null });

    const limited = resultResponse({
      status: 429,
      body: { error: "rate-limited", message: "Wait." },
      retryAfterSeconds: 42,
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("42");
    expect(await limited.json()).toEqual({ error: "rate-limited", message: "Wait." });

    const refused = resultResponse({ status: 401, body: { error: "unauthenticated", message: "Sign in." } });
    expect(refused.headers.get("retry-after")).toBeNull();
  });
});
