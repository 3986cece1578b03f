import { describe, expect, it } from "vitest";
import { bodyHash, signRequest, stringToSign } from "@/lib/spektrix/signing";

/*
 * Known answers computed outside the code under test, with openssl, e.g.:
 *   printf 'GET\nhttps://system.spektrix.com/apitesting/api/v3/customers/I-AK11-1ATK\nMon, 21 Oct 2020 07:28:00 GMT' \
 *     | openssl dgst -sha1 -hmac "this is a test" -binary | base64
 *   printf '{}' | openssl dgst -md5 -binary | base64
 * Binary-key vectors use `openssl dgst -sha1 -mac HMAC -macopt hexkey:00ff10ab7c3e9d4455667788990a1b2c3d4e5f60`.
 * V1–V5 are the vectors tests/emulator/signing.test.ts checks the emulator's verifier with (docs/spektrix-facts.md §2).
 */
const TEXT_KEY = "dGhpcyBpcyBhIHRlc3Q="; // base64 of "this is a test"
const BINARY_KEY = "AP8Qq3w+nURVZneImQobLD1OX2A="; // base64 of 00ff10ab…5f60, not valid UTF-8
const DATE = "Mon, 21 Oct 2020 07:28:00 GMT";
const DATE2 = "Tue, 04 Mar 2025 18:05:09 GMT";

const vectors = [
  {
    name: "V1 GET by id",
    method: "GET",
    url: "https://system.spektrix.com/apitesting/api/v3/customers/I-AK11-1ATK",
    date: DATE,
    key: TEXT_KEY,
    body: undefined,
    signature: "Tn/2Y/c/MXkQUAIqbNeni8F6B1I=",
  },
  {
    name: "V2 GET with raw @ in query",
    method: "GET",
    url: "https://system.spektrix.com/apitesting/api/v3/customers?email=test@example.com",
    date: DATE,
    key: TEXT_KEY,
    body: undefined,
    signature: "ErRfRSc+hS0dkBL4Y+MUWhAoTuU=",
  },
  {
    name: "V3 POST with {} body",
    method: "POST",
    url: "https://system.spektrix.com/apitesting/api/v3/baskets",
    date: DATE,
    key: TEXT_KEY,
    body: "{}",
    signature: "qpShExmagOVi006JJFmNi9IN2X4=",
  },
  {
    name: "V4 POST merchandise",
    method: "POST",
    url: "https://system.spektrix.com/apitesting/api/v3/baskets/123/merchandise",
    date: DATE,
    key: TEXT_KEY,
    body: '[{"stockItem": "1AHGJDSMMPLMPPGNLJBQVLBRSKVDLQRPP"}]',
    signature: "1WjR/9j+8RCV/XNqR4SxoNxVEC0=",
  },
  {
    name: "V5 relative form (contrast only)",
    method: "GET",
    url: "api/v3/customers/I-AK11-1ATK",
    date: DATE,
    key: TEXT_KEY,
    body: undefined,
    signature: "E51QgldirYzcsje99BYbcjk0Rjo=",
  },
  {
    name: "V6 custom domain, encoded query, binary key",
    method: "GET",
    url: "https://tickets.venue.org/demo/api/v3/customers?email=a.b%2Bc%40example.org",
    date: DATE2,
    key: BINARY_KEY,
    body: undefined,
    signature: "FEUW/ImevVak2DttHpIwYaalp2I=",
  },
  {
    name: "V7 POST tickets, binary key",
    method: "POST",
    url: "https://tickets.venue.org/demo/api/v3/baskets/B-1/tickets",
    date: DATE2,
    key: BINARY_KEY,
    body: '[{"instance":"4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ","type":"101AHDQNSKCGQHSDLJLJDDGPPKHGQJRC"}]',
    signature: "4rvNUswB8rWBFldUOn6gtlH68ZE=",
  },
] as const;

describe("signRequest", () => {
  it.each(vectors)("matches the openssl answer: $name", (v) => {
    const headers = signRequest({
      method: v.method,
      url: v.url,
      date: v.date,
      body: v.body,
      apiUser: "TestLogin",
      apiKey: v.key,
    });
    expect(headers).toEqual({ Authorization: `SpektrixAPI3 TestLogin:${v.signature}`, Date: v.date });
  });

  it("formats a Date as RFC 1123 GMT and signs that same string", () => {
    // 21 Oct 2020 was a Wednesday: the docs' "Mon" came with the placeholder copied from AWS.
    const headers = signRequest({
      method: "GET",
      url: vectors[0].url,
      date: new Date(Date.UTC(2020, 9, 21, 7, 28, 0)),
      apiUser: "TestLogin",
      apiKey: TEXT_KEY,
    });
    expect(headers.Date).toBe("Wed, 21 Oct 2020 07:28:00 GMT");
    expect(headers.Authorization).toBe("SpektrixAPI3 TestLogin:kBa4JAevUssunJHYAbV8MFqo2do=");
  });

  it("hashes bytes, not characters: base64 of the raw MD5 (openssl answers)", () => {
    expect(bodyHash("{}")).toBe("mZFLkyvTelC5g8XnyQrpOw==");
    expect(bodyHash("")).toBe("1B2M2Y8AsgTpgAmY7PhCfg==");
    expect(bodyHash('{"toName":"Zoë"}')).toBe("EUpCpl6gkBmZfjfzRT5xxA==");
    expect(bodyHash(new TextEncoder().encode('{"toName":"Zoë"}'))).toBe("EUpCpl6gkBmZfjfzRT5xxA==");
  });

  it("adds the body line only when a body is sent, and upper-cases the method", () => {
    expect(stringToSign("delete", "https://x/y", DATE)).toBe(`DELETE\nhttps://x/y\n${DATE}`);
    expect(stringToSign("POST", "https://x/y", DATE, "")).toBe(`POST\nhttps://x/y\n${DATE}`);
    expect(stringToSign("POST", "https://x/y", DATE, "{}")).toBe(
      `POST\nhttps://x/y\n${DATE}\nmZFLkyvTelC5g8XnyQrpOw==`,
    );
  });

  it("rejects an empty key instead of signing with nothing", () => {
    expect(() => signRequest({ method: "GET", url: "https://x", date: DATE, apiUser: "u", apiKey: "" })).toThrow(
      /API key/,
    );
  });
});
