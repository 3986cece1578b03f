import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, errorText, REDACTED_KEYS, redactUrl } from "@/lib/log/logger.mjs";

/** A logger writing into an array, one parsed JSON object per line. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: createLogger({ level: "info", destination }) };
}

describe("the server logger", () => {
  it("writes one JSON line per event with the level by name, the area and the message", () => {
    const { lines, log } = capture();
    log.child({ area: "checkout" }).info({ reason: "rate-limited" }, "checkout refused");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "info",
      area: "checkout",
      msg: "checkout refused",
      reason: "rate-limited",
    });
    expect(typeof lines[0]!.time).toBe("number");
  });

  it("never writes personal data or secrets, at the top level or one level down", () => {
    const { lines, log } = capture();
    const personal = {
      email: "member@example.com",
      name: "Ada Lovelace",
      password: "member-pass",
      token: "tok_123",
      paymentToken: "pay_456",
      customerId: "C-789",
      authorization: "Bearer s3cret",
    };
    log.warn({ ...personal, customer: { ...personal }, reason: "kept" }, "sign-in rate limited");
    const written = JSON.stringify(lines);
    for (const value of Object.values(personal)) expect(written).not.toContain(value);
    expect(lines[0]).toMatchObject({
      email: "[redacted]",
      customer: { email: "[redacted]", password: "[redacted]" },
      reason: "kept",
    });
    expect(REDACTED_KEYS).toEqual(expect.arrayContaining(Object.keys(personal)));
  });

  it("masks credentials in URLs and reduces errors to their name and message", () => {
    expect(redactUrl("redis://default:hunter2@cache:6379")).toBe("redis://default:***@cache:6379");
    expect(redactUrl("postgres://app:pw@db/site")).toBe("postgres://app:***@db/site");
    expect(redactUrl("pglite://.data/db")).toBe("pglite://.data/db");
    expect(errorText(new RangeError("bad id"))).toBe("RangeError: bad id");
    expect(errorText("plain")).toBe("plain");
  });

  it("honours the level: nothing below it is written", () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
    const log = createLogger({ level: "warn", destination });
    log.info("quiet");
    log.warn("loud");
    expect(lines.join("")).toContain("loud");
    expect(lines.join("")).not.toContain("quiet");
  });
});
