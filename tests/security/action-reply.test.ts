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
    for (const args of [
      [form],
      [{ title: "$1 off", nested: { deep: [form] } }],
      ["x", new Map([["k", new Set([1, 2])]])],
      [new Date(0), 10n, undefined, NaN, -0, Infinity],
      [null],
      [],
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
  ])("refuses %s (%s) → 400", async (body) => {
    expect(await guardActionBody(await post(body))).toMatchObject({ status: 400, error: "bad-body" });
  });

  it("refuses a multipart call whose root or references are missing or not JSON", async () => {
    for (const fields of <Record<string, string>[]>[
      { "0": '["$Q1"]' },
      { "1": "[1]" },
      { "0": '["$Q1"]', "1": "not json" },
      { "0": '{"a":1}' },
    ]) {
      expect(await guardActionBody(await post(formOf(fields))), JSON.stringify(fields)).toMatchObject({ status: 400 });
    }
    // A part that refers back to one already read is fine (React resolves cycles).
    expect(await guardActionBody(await post(formOf({ "0": '["$Q1"]', "1": '[["k","$Q1"]]' })))).toBeNull();
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
