import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import { parseBody, type AppEnv, type Emu } from "../context";
import { TEST_CARDS } from "../demo-credentials";
import { formatAmount, SYSTEM_CURRENCY } from "../system-locale";
import { paymentDetails, paymentSession, paymentSubmit } from "./schemas";
import { ISSUER_PATHS, decodeChallengeResult, decryptCard, encodeChallengeRequest } from "../browser/payment-hosts";
import { money } from "../random";

export type PaymentOutcome =
  | { outcome: "completed"; orderId?: string }
  | { outcome: "challenge"; acsUrl: string; creq: string }
  | { outcome: "refused"; message: string }
  | { outcome: "notFound"; message: string }
  | { outcome: "error"; message: string };

/** What the card pays: the basket's total less the account credit the token spends. */
function cardAmount(emu: Emu, basket: Parameters<Emu["store"]["totals"]>[0], creditApplied: number): number {
  return Math.max(0, money(emu.store.totals(basket).total - creditApplied));
}

/**
 * Stand-in for the card processor behind <spektrix-payments>: validate the token, "charge" the card, confirm the
 * basket. `cardNumber` is null only when account credit covers the whole amount, so no card is needed.
 */
export function pay(emu: Emu, paymentToken: string, cardNumber: string | null, authenticated = false): PaymentOutcome {
  const store = emu.store;
  const checked = store.checkToken(paymentToken);
  if (!checked.ok) return { outcome: "notFound", message: checked.reason };
  const owed = cardAmount(emu, checked.basket, checked.token.creditApplied);
  if (cardNumber === null) {
    if (owed > 0) return { outcome: "error", message: "Card details are required for this payment." };
    return complete(emu, paymentToken, checked, 0, "completed");
  }
  const card = cardNumber.replace(/\D/g, "");
  if (card === TEST_CARDS.refused) return { outcome: "refused", message: "The card was refused." };
  if (card === TEST_CARDS.challenge && !authenticated) {
    // The issuer must confirm it is the cardholder: nothing is charged until its answer comes back.
    const transactionId = randomBytes(12).toString("base64url");
    store.challenges.set(transactionId, { paymentToken, cardNumber: card });
    const amountLabel = formatAmount(owed);
    return {
      outcome: "challenge",
      acsUrl: `${emu.config.paymentHosts.issuer}${ISSUER_PATHS.challenge}`,
      creq: encodeChallengeRequest({ transactionId, amountLabel }),
    };
  }
  const charges: string[] = [
    TEST_CARDS.success,
    TEST_CARDS.challenge,
    TEST_CARDS.completedWithoutOrderId,
    TEST_CARDS.errorAfterCharge,
  ];
  if (!charges.includes(card))
    return {
      outcome: "error",
      message: card === TEST_CARDS.error ? "The payment processor reported an error." : "Unknown test card number.",
    };
  const outcome =
    card === TEST_CARDS.completedWithoutOrderId
      ? "completedWithoutOrderId"
      : card === TEST_CARDS.errorAfterCharge
        ? "errorAfterCharge"
        : "completed";
  return complete(emu, paymentToken, checked, owed, outcome);
}

function complete(
  emu: Emu,
  paymentToken: string,
  checked: Extract<ReturnType<Emu["store"]["checkToken"]>, { ok: true }>,
  owed: number,
  outcome: "completed" | "completedWithoutOrderId" | "errorAfterCharge",
): PaymentOutcome {
  const store = emu.store;
  const { token, basket } = checked;
  let customerId = basket.customerId;
  if (token.kind === "direct" && token.payer) {
    // Direct checkout: match by email, never update an existing record; create one only after payment.
    const existing = store.customerByEmail(token.payer.email);
    customerId = existing
      ? existing.id
      : store.createCustomer({
          email: token.payer.email,
          firstName: token.payer.firstName,
          lastName: token.payer.lastName,
          address: token.payer.billingAddress,
        }).id;
  }
  try {
    const order = store.completeOrder(basket, {
      amount: owed,
      type: "Card",
      customerId,
      credit: token.creditApplied,
    });
    store.tokens.delete(paymentToken);
    // The two awkward cards complete the order like any other; only what the browser is told differs.
    if (outcome === "completedWithoutOrderId") return { outcome: "completed" };
    if (outcome === "errorAfterCharge") return { outcome: "error", message: "The connection was lost." };
    return { outcome: "completed", orderId: order.id };
  } catch (err) {
    return { outcome: "error", message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * What the card form learns from its token before anything is paid: the amount (the token is bound to a basket
 * state, so the system knows it, and a card form shows it on its button) and the processor's clock, which
 * judges expiry dates, rather than the visitor's device. [A]: Spektrix documents no such call; it stands in for
 * however the real component opens its payment session.
 */
export function paymentSessionFor(emu: Emu, paymentToken: string) {
  const checked = emu.store.checkToken(paymentToken);
  if (!checked.ok) return { found: false as const, message: checked.reason };
  const amount = cardAmount(emu, checked.basket, checked.token.creditApplied);
  return {
    found: true as const,
    amount,
    currency: SYSTEM_CURRENCY,
    amountLabel: formatAmount(amount),
    now: emu.store.opts.now().toISOString(),
  };
}

export function registerPayments(app: Hono<AppEnv>, emu: Emu, client: string): void {
  // Only reads: it neither spends the token nor restarts the basket's hold.
  app.post(`/${client}/emulator-payments/session`, (c) => {
    const { found, ...session } = paymentSessionFor(emu, parseBody(c, paymentSession).paymentToken);
    return found ? c.json(session) : c.json({ ...session, problems: [] }, 404);
  });
  // The card arrives encrypted by the provider's card fields, never as a number: the site's page never held it.
  app.post(`/${client}/emulator-payments/submit`, (c) => {
    const body = parseBody(c, paymentSubmit);
    // No card at all only when account credit pays everything; pay() refuses it otherwise.
    if (body.encryptedCard === undefined) {
      const result = pay(emu, body.paymentToken, null);
      return c.json(result, result.outcome === "error" ? 400 : 200);
    }
    const card = decryptCard(body.encryptedCard);
    if (!card) return c.json({ outcome: "error", message: "The card details could not be read." }, 400);
    return c.json(pay(emu, body.paymentToken, card.cardNumber));
  });
  // The issuer's answer to a 3-D Secure challenge: charged only when it names the challenge raised and says Y.
  app.post(`/${client}/emulator-payments/details`, (c) => {
    const body = parseBody(c, paymentDetails);
    const result = decodeChallengeResult(body.cres);
    const pending = result ? emu.store.challenges.get(result.transactionId) : undefined;
    if (!result || !pending || pending.paymentToken !== body.paymentToken)
      return c.json({ outcome: "error", message: "The bank's answer does not match this payment." }, 400);
    emu.store.challenges.delete(result.transactionId);
    if (result.transStatus !== "Y")
      return c.json({ outcome: "refused", message: "Your bank did not confirm the payment." });
    return c.json(pay(emu, body.paymentToken, pending.cardNumber, true));
  });
}
