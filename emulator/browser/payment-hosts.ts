// The payment provider and the card issuer, each standing on its own origin as they do for a real Spektrix
// system: Spektrix's <spektrix-payments> is powered by a payment provider (Adyen) whose script and card fields
// load from the provider's hosts, and a 3-D Secure challenge opens a frame from the card issuer's host. A site
// whose Content-Security-Policy forgets either meets the failure here that a venue would meet on day one.
//
// Both are stateless, so another emulator (a second Spektrix client in a test) can use the same two hosts:
// - the card fields hand back the card "encrypted" (the stand-in encodes it; Adyen encrypts it with a key only
//   its servers hold): the site's page never sees a card number, and Spektrix decodes it;
// - the issuer's answer (CRes) names the transaction the challenge request (CReq) named; Spektrix checks it
//   against the challenge it raised.
import { Hono } from "hono";
import { esc } from "./html";
import { CARD_CHECKS_JS } from "./scripts";

export const ENCRYPTED_CARD_PREFIX = "spxenc1$";

export interface CardDetails {
  cardNumber: string;
  expiry: string;
  cvc: string;
  nameOnCard: string;
}

/** What a challenge request carries to the issuer: the transaction and what the bank shows its customer. */
export interface ChallengeRequest {
  transactionId: string;
  amountLabel: string;
}

/** What the issuer answers: `Y` authenticated, `N` not. */
export interface ChallengeResult {
  transactionId: string;
  transStatus: "Y" | "N";
}

const toBase64 = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64");

function fromBase64(value: string): unknown {
  try {
    return JSON.parse(Buffer.from(value, "base64").toString("utf8"));
  } catch {
    return null;
  }
}

const isText = (value: unknown): value is string => typeof value === "string";

/** The card fields' output for `card`, as the browser stand-in makes it (tests use it to pay without a browser). */
export function encryptCard(card: CardDetails): string {
  return ENCRYPTED_CARD_PREFIX + toBase64(card);
}

export function decryptCard(value: string): CardDetails | null {
  if (!value.startsWith(ENCRYPTED_CARD_PREFIX)) return null;
  const card = fromBase64(value.slice(ENCRYPTED_CARD_PREFIX.length)) as Partial<CardDetails> | null;
  if (!card || !isText(card.cardNumber) || !isText(card.expiry) || !isText(card.cvc)) return null;
  return { cardNumber: card.cardNumber, expiry: card.expiry, cvc: card.cvc, nameOnCard: String(card.nameOnCard ?? "") };
}

export const encodeChallengeRequest = (request: ChallengeRequest) => toBase64(request);

export function decodeChallengeRequest(value: string): ChallengeRequest | null {
  const request = fromBase64(value) as Partial<ChallengeRequest> | null;
  if (!request || !isText(request.transactionId) || !isText(request.amountLabel)) return null;
  return { transactionId: request.transactionId, amountLabel: request.amountLabel };
}

export const encodeChallengeResult = (result: ChallengeResult) => toBase64(result);

export function decodeChallengeResult(value: string): ChallengeResult | null {
  const result = fromBase64(value) as Partial<ChallengeResult> | null;
  if (!result || !isText(result.transactionId) || (result.transStatus !== "Y" && result.transStatus !== "N"))
    return null;
  return { transactionId: result.transactionId, transStatus: result.transStatus };
}

const js = { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" };

/** Paths on the provider's host, named after Adyen's (checkoutshopper) so a reader recognises them. */
export const PROVIDER_PATHS = {
  sdk: "/checkoutshopper/sdk/stand-in/adyen.js",
  cardFields: "/checkoutshopper/securedfields/card.html",
} as const;

export const ISSUER_PATHS = { challenge: "/acs/challenge", result: "/acs/result" } as const;

/**
 * The provider's script, loaded by <spektrix-payments> into the page: `SpxCardFields.mount(container)` puts the
 * card fields (a frame from the provider's origin) into the container and answers a handle whose `encrypt(today)`
 * asks the fields to check themselves and, when right, to hand back the encrypted card.
 */
function sdkJs(origin: string): string {
  return `(function () {
  var ORIGIN = ${JSON.stringify(origin)};
  var seq = 0;
  window.SpxCardFields = {
    mount: function (container) {
      var frame = document.createElement("iframe");
      frame.src = ORIGIN + ${JSON.stringify(PROVIDER_PATHS.cardFields)};
      frame.title = "Card details";
      frame.style.cssText = "display:block;width:100%;height:20rem;border:0";
      container.appendChild(frame);
      var pending = {};
      function onMessage(event) {
        if (event.origin !== ORIGIN || event.source !== frame.contentWindow) return;
        var data = event.data || {};
        if (data.type === "spx-fields:height" && typeof data.height === "number") frame.style.height = Math.ceil(data.height) + "px";
        else if (data.type === "spx-fields:result" && pending[data.id]) { pending[data.id](data); delete pending[data.id]; }
      }
      window.addEventListener("message", onMessage);
      return {
        encrypt: function (today) {
          return new Promise(function (resolve) {
            var id = ++seq;
            pending[id] = resolve;
            frame.contentWindow.postMessage({ type: "spx-fields:encrypt", id: id, today: today }, ORIGIN);
          });
        },
        destroy: function () { window.removeEventListener("message", onMessage); frame.remove(); }
      };
    }
  };
})();
`;
}

const FIELDS = [
  { name: "cardNumber", label: "Card number", attrs: 'inputmode="numeric" autocomplete="cc-number"' },
  { name: "expiry", label: "Expiry (MM/YY)", attrs: 'inputmode="numeric" autocomplete="cc-exp"' },
  { name: "cvc", label: "Security code", attrs: 'inputmode="numeric" autocomplete="cc-csc"' },
  { name: "nameOnCard", label: "Name on card", attrs: 'autocomplete="cc-name"' },
];

/** The card fields, on the provider's origin. They answer only the page that framed them. */
const CARD_FIELDS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Card details</title>
<style>
  html, body { margin: 0; font: 16px/1.4 system-ui, sans-serif; color: #1d1a17; background: transparent; }
  form { display: grid; gap: .75rem; padding: 2px; }
  .field { display: grid; gap: .25rem; }
  label { font-weight: 600; }
  input { font: inherit; padding: .55rem .6rem; border: 1px solid #767676; border-radius: 6px; }
  input:focus-visible { outline: 3px solid #7a1f35; outline-offset: 1px; }
  input[aria-invalid="true"] { border: 2px solid #a00; }
  .error { margin: 0; color: #a00; font-size: .9em; }
</style></head>
<body><form novalidate onsubmit="return false">
${FIELDS.map(
  (f) =>
    `<div class="field"><label for="${f.name}">${f.label}</label><input id="${f.name}" name="${f.name}" ${f.attrs} required><p class="error" id="${f.name}-error" hidden></p></div>`,
).join("\n")}
</form>
<script>
${CARD_CHECKS_JS}
var NAMES = ${JSON.stringify(FIELDS.map((f) => f.name))};
var form = document.forms[0];
var today = null;
function values() { var v = {}; NAMES.forEach(function (n) { v[n] = form.elements.namedItem(n).value; }); return v; }
function mark(names, clearOnly) {
  var problems = spxCardProblems(values(), today || { year: new Date().getUTCFullYear(), month: new Date().getUTCMonth() + 1 });
  var first = null;
  NAMES.forEach(function (n) {
    if (names && names.indexOf(n) < 0) return;
    var input = form.elements.namedItem(n), error = document.getElementById(n + "-error"), problem = problems[n];
    if (problem && !clearOnly) {
      input.setAttribute("aria-invalid", "true"); input.setAttribute("aria-describedby", error.id);
      error.textContent = problem; error.hidden = false;
      if (!first) first = input;
    } else if (!problem) {
      input.removeAttribute("aria-invalid"); input.removeAttribute("aria-describedby");
      error.textContent = ""; error.hidden = true;
    }
  });
  return first;
}
form.addEventListener("input", function (e) {
  if (e.target.getAttribute("aria-invalid") === "true") mark([e.target.name], true);
});
window.addEventListener("message", function (event) {
  if (event.source !== parent) return;
  var data = event.data || {};
  if (data.type !== "spx-fields:encrypt") return;
  today = data.today;
  var invalid = mark();
  var reply = { type: "spx-fields:result", id: data.id, ok: !invalid };
  if (invalid) invalid.focus();
  else reply.encryptedCard = ${JSON.stringify(ENCRYPTED_CARD_PREFIX)} + btoa(unescape(encodeURIComponent(JSON.stringify(values()))));
  event.source.postMessage(reply, event.origin);
});
function size() { parent.postMessage({ type: "spx-fields:height", height: Math.ceil(document.body.getBoundingClientRect().height) + 4 }, "*"); }
if (parent !== window) { size(); new ResizeObserver(size).observe(document.body); }
</script></body></html>`;

/** The payment provider's host: its script and its card fields. */
export function providerApp(origin: () => string): Hono {
  const app = new Hono();
  app.get(PROVIDER_PATHS.sdk, (c) => c.body(sdkJs(origin()), 200, js));
  app.get(PROVIDER_PATHS.cardFields, (c) => c.html(CARD_FIELDS_HTML));
  return app;
}

function issuerPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>
  body { margin: 0; padding: 1rem; font: 16px/1.45 system-ui, sans-serif; color: #102a43; background: #f0f4f8; }
  h1 { font-size: 1.15rem; margin: 0 0 .5rem; }
  .actions { display: flex; gap: .5rem; flex-wrap: wrap; margin-top: 1rem; }
  button { font: inherit; padding: .6rem 1rem; border-radius: 6px; border: 1px solid #334e68; background: #fff; cursor: pointer; }
  button[value="approve"] { background: #243b53; color: #fff; }
</style></head><body>${body}</body></html>`;
}

/**
 * The card issuer's host: the challenge page a 3-D Secure card shows in its frame (the page that framed it
 * posts the CReq there, as Adyen's component does), and the answer it sends back to that page.
 */
export function issuerApp(): Hono {
  const app = new Hono();
  app.post(ISSUER_PATHS.challenge, async (c) => {
    const form = await c.req.parseBody();
    const creq = typeof form.creq === "string" ? form.creq : "";
    const request = decodeChallengeRequest(creq);
    if (!request) return c.html(issuerPage("Error", "<h1>We could not read this request.</h1>"), 400);
    return c.html(
      issuerPage(
        "Confirm your payment",
        `<h1>Your bank: confirm this payment</h1>
<p>Approve the payment of <strong>${esc(request.amountLabel)}</strong> to finish paying.</p>
<form method="post" action="${ISSUER_PATHS.result}"><input type="hidden" name="creq" value="${esc(creq)}">
<div class="actions"><button name="decision" value="approve">Approve</button><button name="decision" value="cancel">Cancel</button></div></form>`,
      ),
    );
  });
  app.post(ISSUER_PATHS.result, async (c) => {
    const form = await c.req.parseBody();
    const request = decodeChallengeRequest(typeof form.creq === "string" ? form.creq : "");
    if (!request) return c.html(issuerPage("Error", "<h1>We could not read this request.</h1>"), 400);
    const cres = encodeChallengeResult({
      transactionId: request.transactionId,
      transStatus: form.decision === "approve" ? "Y" : "N",
    });
    return c.html(
      issuerPage(
        "Thank you",
        `<p>Returning you to the shop…</p><script>parent.postMessage({ type: "spx-3ds:result", cres: ${JSON.stringify(cres)} }, "*");</script>`,
      ),
    );
  });
  return app;
}
