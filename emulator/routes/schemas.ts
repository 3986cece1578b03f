import { z } from "zod";
import { SYSTEM_COUNTRY } from "../system-locale";

// Spektrix "add" endpoints take JSON arrays; attribute_* keys ride along on tickets.
const attributes = z.record(z.string(), z.unknown());

export const newTickets = z
  .array(
    z.looseObject({
      instance: z.string().min(1),
      type: z.string().min(1).optional(),
      ticketType: z.string().min(1).optional(),
      seat: z.string().min(1).optional(),
      seatingPlan: z.string().min(1).optional(),
    }),
  )
  .min(1);

export const newDonations = z
  .array(
    z.object({
      fundId: z.string().min(1),
      amount: z.number().positive(),
      recognitionName: z.string().nullish(),
      isAnonymous: z.boolean().optional(),
      tributeTypeId: z.string().nullish(),
      tributeName: z.string().nullish(),
    }),
  )
  .min(1);

export const newMerchandise = z
  .array(z.object({ stockItem: z.string().min(1), reference: z.string().nullish() }))
  .min(1);

export const newMemberships = z
  .array(
    z.object({
      membership: z.string().min(1).optional(),
      membershipId: z.string().min(1).optional(),
      autoRenew: z.boolean().optional(),
    }),
  )
  .min(1);

export const membershipPatch = z.object({ autoRenew: z.boolean() });

export const newGiftVouchers = z.array(
  z.object({
    amount: z.number().positive(),
    toName: z.string().default(""),
    fromName: z.string().default(""),
    message: z.string().default(""),
    sendDate: z.string().nullish(),
    deliveryType: z.enum(["CustomerEmail", "OtherEmail"]).default("CustomerEmail"),
    deliveryEmailAddress: z.string().nullish(),
  }),
);

export const newTicketSubscriptions = z
  .array(z.object({ pricingSetId: z.string().min(1), quantity: z.number().int().positive().default(1) }))
  .min(1);

export const basketPatch = z.looseObject({
  promoCode: z.string().nullish(),
  customer: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
});

export const newBasket = z.looseObject({
  customer: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  promoCode: z.string().nullish(),
});

export const authenticate = z.object({ email: z.string().min(1), password: z.string().min(1) });

export const newCustomer = z.looseObject({
  email: z.email(),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  password: z.string().min(1).optional(),
  mobile: z.string().nullish(),
});

export const redeemGiftVoucher = z.object({ voucherCode: z.string().trim().min(1).max(100) });

/**
 * Profile updates: only the Gift Aid declaration is modelled, and anything else is refused rather than accepted
 * and ignored, so a misspelt field fails here as it would do nothing on a real system.
 */
export const customerUpdate = z.object({ giftAidConfirmed: z.literal(true) }).strict();
/** A statement as a body names it: an id, or a reference `{ id }` [A: both seen as Spektrix's reference style]. */
const statementRef = z
  .union([z.string().min(1), z.looseObject({ id: z.string().min(1) })])
  .transform((v) => (typeof v === "string" ? v : v.id));

/**
 * Owner-mode `POST customers`: as the web sign-up, plus the statements the customer agrees to. The names may be
 * empty [A: a newsletter sign-up may know only the e-mail address; a real system may insist on a last name].
 * `AgreedStatements` is spelled as the brief's source has it; ASP.NET binds JSON names case-insensitively, so the
 * camelCase spelling is read too [A].
 */
export const newOwnerCustomer = z
  .looseObject({
    email: z.email(),
    firstName: z.string().max(100).default(""),
    lastName: z.string().max(100).default(""),
    mobile: z.string().nullish(),
    AgreedStatements: z.array(statementRef).optional(),
    agreedStatements: z.array(statementRef).optional(),
  })
  .transform(({ AgreedStatements, agreedStatements, ...rest }) => ({
    ...rest,
    agreedStatements: [...(AgreedStatements ?? []), ...(agreedStatements ?? [])],
  }));

/** `POST customers/{id}/agreed-statements`: `[{ id }]`, at least one. */
export const agreedStatements = z.array(statementRef).min(1);

const storeCard = z.union([z.enum(["true", "false"]), z.boolean()]).optional();

export const initiateCustomerPayment = z.object({
  originDomain: z.string().min(1),
  billingAddressId: z.string().min(1),
  storeCard,
  useAvailableCredit: z.union([z.enum(["true", "false"]), z.boolean()]).optional(),
});

export const addressInput = z.object({
  line1: z.string().min(1),
  line2: z.string().default(""),
  town: z.string().min(1),
  county: z.string().default(""),
  postcode: z.string().min(1),
  country: z.object({ id: z.string(), name: z.string() }).default({ ...SYSTEM_COUNTRY }),
});

// Assumed keys: the docs name email, names and billing address but the JSON was not readable.
export const initiateDirectPayment = z.object({
  originDomain: z.string().min(1),
  email: z.email(),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  billingAddress: addressInput,
  storeCard,
});

export const paymentSubmit = z.object({
  paymentToken: z.string().min(1),
  /** Absent only when account credit covers the whole payment. */
  encryptedCard: z.string().min(1).max(4_000).optional(),
  billingAddressId: z.string().nullish(),
  storeCard: z.string().nullish(),
});

export const paymentDetails = z.object({ paymentToken: z.string().min(1), cres: z.string().min(1).max(4_000) });

export const paymentSession = z.object({ paymentToken: z.string().min(1) });

export { attributes };
