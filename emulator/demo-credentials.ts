// Demo values printed at start-up and used by tests and the demo script. None of them is a secret.

export const DEMO_CLIENT_NAME = "demo";
export const DEMO_API_USER = "demo-api";
/** The secret key is base64, like Spektrix's; it decodes to this ASCII text. */
export const DEMO_API_KEY_TEXT = "spektrix-emulator-demo-key";
export const DEMO_API_KEY = Buffer.from(DEMO_API_KEY_TEXT, "ascii").toString("base64");

export const DEMO_MEMBER = { email: "member@example.com", password: "member-pass" } as const;
export const DEMO_GUEST = { email: "guest@example.com", password: "guest-pass" } as const;

/** Promo code accepted by the emulator: 10% off tickets. */
export const DEMO_PROMO_CODE = "DEMO10";

/**
 * Gift voucher codes the demo system holds at start-up (and after a reset): one to redeem into account credit,
 * one already used and one expired, so each answer can be tried by hand. Tests issue their own through the
 * control API instead, so no test depends on what another left redeemed.
 */
export const DEMO_GIFT_VOUCHERS = [
  { code: "GV-DEMO-2500", amount: 25, state: "valid" },
  { code: "GV-USED-1000", amount: 10, state: "redeemed" },
  { code: "GV-GONE-1500", amount: 15, state: "expired" },
] as const;

export const TEST_CARDS = {
  success: "4111111111111111",
  refused: "4000000000000002",
  error: "4000000000000119",
  /** Charges and completes the order, but the completion event carries no order id (an event shape we do not rely on). */
  completedWithoutOrderId: "4000000000000077",
  /** Charges and completes the order, then reports an error: what a dropped connection after payment looks like. */
  errorAfterCharge: "4000000000000259",
  /** Asks for 3-D Secure: the issuer's challenge frame opens; Approve charges the card, Cancel refuses it. */
  challenge: "4000000000003220",
} as const;
