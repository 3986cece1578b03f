/**
 * Site-owned domain types. Nothing here mirrors a Spektrix quirk: names are camelCase, empty strings are
 * null, UTC instants are ISO strings ending in `Z`, money is a decimal number in the venue's currency.
 */

export type AttributeValue = string | number | boolean | null;
/** Venue-defined custom attributes (`attribute_Genre` → `Genre`); names differ per venue. */
export type Attributes = Record<string, AttributeValue>;

/** Decimal amount in the venue currency, e.g. 35.5 (Spektrix sends decimals, not minor units). */
export type Money = number;

export interface Event {
  id: string;
  name: string;
  description: string | null;
  htmlDescription: string | null;
  durationMinutes: number | null;
  imageUrl: string | null;
  thumbnailUrl: string | null;
  altText: string | null;
  /** Spektrix's on-sale flag; says nothing about seats left. */
  isOnSale: boolean;
  /** Free text such as "10 September-15 September", no year. */
  instanceDates: string | null;
  /** Venue local time, no offset, as given. */
  firstPerformanceLocal: string | null;
  lastPerformanceLocal: string | null;
  firstPerformanceUtc: string | null;
  lastPerformanceUtc: string | null;
  webEventId: string | null;
  attributes: Attributes;
  /**
   * Set only when an owner-mode (signed) read marks the record as not visible on the web channel
   * (`isVisibleOnWeb: false`, field name assumed; see README). Web-mode reads never return such records.
   */
  hiddenFromWeb?: true;
  /** Present only when asked for with `expandInstances`. */
  performances?: Performance[];
}

export interface Performance {
  id: string;
  eventId: string;
  /** Venue local time, no offset, as Spektrix gives it. */
  startLocal: string;
  startUtc: string;
  startSellingAtWebUtc: string | null;
  stopSellingAtWebUtc: string | null;
  isOnSale: boolean;
  cancelled: boolean;
  planId: string | null;
  priceListId: string | null;
  webInstanceId: string | null;
  hasBestAvailableOverlay: boolean;
  attributes: Attributes;
  /** As on `Event`: only an owner-mode read of a box-office-only performance sets it. */
  hiddenFromWeb?: true;
}

export interface Venue {
  id: string;
  name: string;
  /** One comma-separated line as Spektrix stores it; null for none, or a placeholder ("Online", "Unknown"). */
  address: string | null;
  /** A venue for streamed shows: Spektrix holds "Online" as its address. Its performances have no place to go to. */
  online: boolean;
}

export interface PlanArea {
  id: string;
  name: string;
  type: string | null;
}

export interface Seat {
  id: string;
  name: string;
  row: string | null;
  number: number | null;
  x: number | null;
  y: number | null;
}

export interface Plan {
  id: string;
  name: string;
  /** "Reserved" or "Unreserved" in real data; kept as given. */
  type: string;
  /** True when the plan or any of its areas has allocated seats. */
  isReserved: boolean;
  venueId: string | null;
  capacity: number | null;
  areas: PlanArea[];
  seats: Seat[];
}

export interface Price {
  id: string;
  amount: Money;
  isBandDefault: boolean;
  ticketType: { id: string; name: string };
  priceBand: { id: string; name: string };
}

export interface PriceList {
  performanceId: string;
  id: string | null;
  prices: Price[];
}

export interface AreaAvailability {
  id: string | null;
  name: string | null;
  available: number;
  capacity: number | null;
}

export interface Availability {
  performanceId: string;
  available: number;
  capacity: number;
  wheelchairAvailable: number | null;
  specialAvailable: number | null;
  inBasket: number | null;
  /** Seats held back by locks visible to this caller (0 when lock information was not requested). */
  locked: number;
  areas: AreaAvailability[];
}

export interface BasketTicket {
  id: string;
  performanceId: string;
  eventId: string | null;
  ticketTypeId: string | null;
  priceBandId: string | null;
  seatId: string | null;
  seatName: string | null;
  planId: string | null;
  planName: string | null;
  price: Money;
  discount: Money;
  total: Money;
  attributes: Attributes;
}

export interface BasketDonation {
  id: string;
  fundId: string | null;
  amount: Money;
}

export interface BasketMerchandise {
  id: string;
  stockItemId: string | null;
  price: Money;
  discount: Money;
  total: Money;
}

export interface BasketMembership {
  id: string;
  membershipId: string | null;
  autoRenew: boolean;
  price: Money;
  discount: Money;
  total: Money;
}

export interface BasketGiftVoucher {
  id: string;
  amount: Money;
  toName: string | null;
  fromName: string | null;
  message: string | null;
  sendDate: string | null;
  deliveryType: string | null;
  deliveryEmailAddress: string | null;
}

/** A ticket subscription (a season package) in the basket. [A] Field names as the emulator gives them. */
export interface BasketSubscription {
  id: string;
  name: string | null;
  pricingSetName: string | null;
  price: Money;
}

export interface Basket {
  id: string;
  /** Changes on every change to the basket; "NotLoggedIn" for an anonymous empty one. */
  hash: string | null;
  customerId: string | null;
  promoCode: string | null;
  total: Money;
  totalDiscount: Money;
  tickets: BasketTicket[];
  donations: BasketDonation[];
  merchandise: BasketMerchandise[];
  memberships: BasketMembership[];
  giftVouchers: BasketGiftVoucher[];
  subscriptions: BasketSubscription[];
  attributes: Attributes;
}

export interface Address {
  id: string;
  line1: string | null;
  line2: string | null;
  line3: string | null;
  town: string | null;
  county: string | null;
  postcode: string | null;
  country: string | null;
  isBilling: boolean;
  isDelivery: boolean;
}

export interface Customer {
  id: string;
  title: string | null;
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  addresses: Address[];
  billingAddressId: string | null;
  deliveryAddressId: string | null;
  creditBalance: Money | null;
  passwordSet: boolean | null;
  /** The system claims Gift Aid and this customer has no declaration on record yet. */
  giftAidDeclarationRequired: boolean;
  attributes: Attributes;
}

export interface Order {
  id: string;
  customerId: string | null;
  total: Money;
  firstTransactionUtc: string | null;
  tickets: BasketTicket[];
  donations: BasketDonation[];
  merchandise: BasketMerchandise[];
  memberships: BasketMembership[];
  giftVouchers: BasketGiftVoucher[];
  /** How it was paid: e.g. account credit, then a card for the rest. */
  payments: OrderPayment[];
  attributes: Attributes;
}

export interface OrderPayment {
  /** What paid, as the site names it; `type` keeps Spektrix's own name ("Card", "Account Credit", …). */
  kind: "card" | "credit" | "voucher" | "other";
  type: string;
  amount: Money;
}

/** What redeeming a gift voucher added to the customer's account credit. */
export interface GiftVoucherRedemption {
  /** The credit added; null when Spektrix did not say (read the customer's balance instead). */
  amount: Money | null;
}

export interface Fund {
  id: string;
  name: string;
  description: string | null;
  code: string | null;
  defaultDonationAmount: Money | null;
  attributes: Attributes;
}

export interface MembershipType {
  id: string;
  name: string;
  description: string | null;
  htmlDescription: string | null;
  price: Money | null;
  renewalPrice: Money | null;
  attributes: Attributes;
}

export interface GiftVoucherType {
  id: string;
  name: string;
  description: string | null;
  /** Fixed face value, or null when the buyer chooses the amount. */
  amount: Money | null;
  attributes: Attributes;
}

/** A catalogue stock item (Spektrix "stock-items"). */
export interface MerchandiseItem {
  id: string;
  name: string;
  description: string | null;
  price: Money;
  postageAndPacking: Money | null;
  attributes: Attributes;
}

/**
 * A contact preference a customer can agree to (`GET statements`). `name` is the short label; `text` is the
 * wording the customer agrees to, when Spektrix gives one (assumed field, see README).
 */
export interface Statement {
  id: string;
  name: string;
  text: string | null;
}

export interface SeatingType {
  id: string;
  name: string;
  description: string | null;
}

/** A ticket subscription (flex pass) structure with its purchasable pricing sets. */
export interface Subscription {
  /** Spektrix gives structures no id; this is theirs when present, else a slug of the name. */
  id: string;
  name: string;
  description: string | null;
  pricingSets: { id: string; name: string; price: Money }[];
  onSaleUtc: string | null;
  offSaleUtc: string | null;
}

export interface PaymentToken {
  paymentToken: string;
}

export interface PotentialDiscount {
  basketTotal: Money;
  totalDiscount: Money;
}
