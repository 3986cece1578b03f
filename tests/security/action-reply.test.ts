/**
 * Server-action bodies the guard lets through must be ones React's reply decoder can read (lib/security/action-reply.ts):
 * what React's own encoder sends for the kinds of arguments the site's actions take passes, and bodies that reference
 * parts they do not hold, or kinds of values the site never sends, are refused with a 400 before Next throws on them.
 */
import { describe, expect, it } from "vitest";
// React's client-side encoder, as the browser runs it to call an action (the copy Next ships).
// @ts-expect-error -- Next's compiled copy has no type declarations
import { encodeReply } from "next/dist/compiled/react-server-dom-turbopack/client.edge.js";
import { guardActionBody } from "@/lib/security/request-guard";

const HOST = "shop.example.org";
const ACTION = { "next-action": "a".repeat(42), origin: `https://${HOST}` };

/** A POST to a page carrying `body` (a string is sent as text, a form as multipart), as an action call or not. */
async function post(body: string | FormData, { action = true } = {}): Promise<Request> {
  const encoded = new Request(`https://${HOST}/`, { method: "POST", body });
  return new Request(`https://${HOST}/studio/pages/1`, {
    method: "POST",
    headers: {
      ...(action ? ACTION : { origin: ACTION.origin }),
      "content-type": encoded.headers.get("content-type")!,
    },
    body: await encoded.arrayBuffer(),
  });
}

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
};

describe("action bodies the guard lets through", () => {
  it("accepts what React's encoder sends for forms, objects, maps, sets, dates, big integers and the special values", async () => {
    const form = formOf({ email: "a@example.com", title: "$not a reference" });
    const shared = { a: 1 };
    const map = new Map([["k", shared]]);
    for (const args of [
      [form],
      [{ title: "$1 off", nested: { deep: [form] } }],
      ["x", new Map([["k", new Set([1, 2])]])],
      [new Date(0), 10n, -(10n ** 290n), undefined, NaN, -0, Infinity],
      [null],
      [],
      // The same value twice: the encoder writes a path back to where it first appeared.
      [shared, shared],
      [map, shared],
      [map, map],
      [[shared], { b: shared }],
      [new Set([shared]), shared],
      [form, form],
      [Promise.resolve(shared)],
      [5, undefined, form],
      // Long but ordinary: a check that recursed or spread would overflow on it and refuse a real call.
      [Array.from({ length: 150_000 }, (_, i) => i % 10)],
    ]) {
      const body: string | FormData = await encodeReply(args);
      expect(await guardActionBody(await post(body)), JSON.stringify(String(body))).toBeNull();
    }
  });

  it.each([
    ['["$Q1"]', "a map in a part the text does not hold"],
    ['["$F1"]', "a model by id the text does not hold"],
    ['["$K1","$h1"]', "a server reference"],
    ['["$B1"]', "a file"],
    ['["$R1"]', "a stream"],
    ['["$"]', "a bare dollar"],
    ['["$nfoo"]', "a big integer that is not one"],
    ['{"0":"x"}', "arguments that are not a list"],
    ['["$Q0"]', "the root as a map"],
    ['["$A1"]', "a typed array"],
    ['[{"a:b":"$T"}]', "a temporary reference"],
    [`["$n-${"1".repeat(300)}"]`, "a big integer over React's 300 characters"],
    [`${"[".repeat(20_000)}${"]".repeat(20_000)}`, "nesting deep enough to overflow React's decoder"],
    [`["${"a".repeat(1_000_001)}", 1]`, "arrays and their strings past React's million"],
  ])("refuses %s (%s) → 400", async (body) => {
    expect(await guardActionBody(await post(body))).toMatchObject({ status: 400, error: "bad-body" });
  });

  it("refuses a multipart call whose root or references are missing or not JSON", async () => {
    for (const fields of <Record<string, string>[]>[
      { "0": '["$Q1"]' },
      { "1": "[1]" },
      { "1": "not json", "0": '["$Q1"]' },
      { "0": '{"a":1}' },
      // Each of these is a form React's decoder throws on.
      { "1": "5", "0": '["$Q1"]' },
      { "1": "[1]", "0": '["$Q1"]' },
      { "1": "[]", "0": '["$Q1","$Q1"]' },
      { "1": '[["k","$Q1"]]', "0": '["$Q1"]' },
      { "1": "{}", "0": '["$1:x"]' },
      { "0": '["$1"]', "1": "{}" },
    ]) {
      expect(await guardActionBody(await post(formOf(fields))), JSON.stringify(fields)).toMatchObject({ status: 400 });
    }
    // A part sent twice: React would read the last, a check the first.
    const twice = formOf({ "1": "{}", "0": '["$1"]' });
    twice.append("1", "not json");
    expect(await guardActionBody(await post(twice))).toMatchObject({ status: 400 });
  });

  it("checks a no-JavaScript form's bound action, and leaves other page posts alone", async () => {
    const bound = (values: string) =>
      formOf({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"abc","bound":"$@1"}', "$ACTION_1:1": values, email: "x" });
    const refuse = { status: 400, error: "bad-body" };
    expect(await guardActionBody(await post(bound('["$Q9"]'), { action: false }))).toMatchObject(refuse);
    expect(await guardActionBody(await post(bound("not json"), { action: false }))).toMatchObject(refuse);
    expect(
      await guardActionBody(await post(formOf({ $ACTION_REF_1: "", "$ACTION_1:0": "[]" }), { action: false })),
    ).toMatchObject(refuse);
    expect(await guardActionBody(await post(bound('["x"]'), { action: false }))).toBeNull();
    expect(await guardActionBody(await post(formOf({ $ACTION_ID_abc: "", email: "x" }), { action: false }))).toBeNull();
    expect(await guardActionBody(await post(formOf({ anything: "x" }), { action: false }))).toBeNull();
  });
});
