// The demo catalogue covers what public event feeds never contain. Shapes follow the API help pages' field
// lists (docs/spektrix-facts.md §6); values are invented.
import { catalogueId, rngFor } from "../random";
import { DEMO_GUEST, DEMO_MEMBER } from "../demo-credentials";

const id = (name: string, leading: number) => catalogueId(rngFor(`demo:${name}`), leading);

export interface Fund {
  id: string;
  name: string;
  description: string;
  code: string;
  defaultDonationAmount: number;
}
export interface Membership {
  id: string;
  name: string;
  description: string;
  htmlDescription: string;
  price: number;
  renewalPrice: number;
  autoRenew: boolean;
  durationMonths: number;
  ticketDiscountPercent: number;
}
/**
 * A contact preference a customer can agree to (Spektrix "statements", `GET statements`). `id` and `name` as the
 * brief's sources show them; `text` (the wording the customer agrees to) is [A].
 */
export interface Statement {
  id: string;
  name: string;
  text: string;
}
export interface GiftVoucherType {
  id: string;
  name: string;
  description: string;
  minimumAmount: number;
  maximumAmount: number;
  suggestedAmounts: number[];
}
export interface StockItem {
  id: string;
  name: string;
  description: string;
  price: number;
  postageAndPacking: number;
  [attr: `attribute_${string}`]: unknown;
}
export interface SeatingType {
  id: string;
  name: string;
  description: string;
}
export interface TicketSubscriptionStructure {
  name: string;
  description: string;
  pricingSets: { id: string; name: string; price: number }[];
  onSaleWebChannelUtc: string;
  offSaleWebChannelUtc: string;
  onSaleWebChannel: string;
  offSaleWebChannel: string;
}
export interface TicketType {
  id: string;
  name: string;
  extra: number;
  isDefault: boolean;
}

export function demoStatements(): Statement[] {
  return [
    {
      id: id("statement-email", 101),
      name: "E-mail newsletter",
      text: "Send me the monthly e-mail newsletter with new shows and offers.",
    },
    {
      id: id("statement-brochure", 102),
      name: "Season brochure by post",
      text: "Post me the season brochure.",
    },
    {
      id: id("statement-partners", 103),
      name: "Partner offers",
      text: "Tell me about offers from our partner restaurants and venues.",
    },
  ];
}

export function demoFunds(): Fund[] {
  return [
    {
      id: id("fund-annual", 201),
      name: "Annual Fund",
      description: "Keeps the lights on and the stage busy all year.",
      code: "ANNUAL",
      defaultDonationAmount: 25,
    },
    {
      id: id("fund-youth", 401),
      name: "Youth Theatre",
      description: "Free workshops and tickets for young people.",
      code: "YOUTH",
      defaultDonationAmount: 10,
    },
    {
      id: id("fund-building", 601),
      name: "Building Appeal",
      description: "Repairs to our historic auditorium.",
      code: "BUILD",
      defaultDonationAmount: 50,
    },
  ];
}

export function demoMemberships(): Membership[] {
  return [
    {
      id: id("mem-friend", 201),
      name: "Friend",
      description: "Priority booking and 10% off tickets.",
      htmlDescription: "<p>Priority booking and <strong>10% off</strong> tickets.</p>",
      price: 40,
      renewalPrice: 35,
      autoRenew: true,
      durationMonths: 12,
      ticketDiscountPercent: 10,
    },
    {
      id: id("mem-patron", 401),
      name: "Patron",
      description: "Everything a Friend gets, plus backstage events.",
      htmlDescription: "<p>Everything a Friend gets, plus backstage events.</p>",
      price: 150,
      renewalPrice: 140,
      autoRenew: true,
      durationMonths: 12,
      ticketDiscountPercent: 15,
    },
    {
      id: id("mem-under26", 601),
      name: "Under 26",
      description: "Free to join for people aged 16 to 25.",
      htmlDescription: "<p>Free to join for people aged 16 to 25.</p>",
      price: 0,
      renewalPrice: 0,
      autoRenew: false,
      durationMonths: 12,
      ticketDiscountPercent: 0,
    },
  ];
}

export function demoGiftVoucherTypes(): GiftVoucherType[] {
  return [
    {
      id: id("gv-any", 201),
      name: "Gift Voucher",
      description: "Spend on tickets, memberships or the shop.",
      minimumAmount: 5,
      maximumAmount: 500,
      suggestedAmounts: [10, 25, 50, 100],
    },
  ];
}

export function demoStockItems(): StockItem[] {
  return [
    {
      id: id("stock-programme", 201),
      name: "Season Programme",
      description: "Full-colour season programme.",
      price: 5,
      postageAndPacking: 1.5,
      attribute_Category: "Programmes",
    },
    {
      id: id("stock-tote", 401),
      name: "Theatre Tote Bag",
      description: "Organic cotton tote.",
      price: 12.5,
      postageAndPacking: 3,
      attribute_Category: "Merchandise",
    },
    {
      id: id("stock-mug", 601),
      name: "Enamel Mug",
      description: "Sturdy enamel mug.",
      price: 9.99,
      postageAndPacking: 3,
      attribute_Category: "Merchandise",
    },
  ];
}

export function demoSeatingTypes(): SeatingType[] {
  return [
    { id: id("seat-reserved", 201), name: "Reserved", description: "Choose your own seat." },
    { id: id("seat-unreserved", 401), name: "Unreserved", description: "General admission, first come first served." },
    {
      id: id("seat-wheelchair", 601),
      name: "Wheelchair space",
      description: "Space for a wheelchair user and companion.",
    },
  ];
}

export function demoTicketSubscriptionStructures(): TicketSubscriptionStructure[] {
  return [
    {
      name: "Flexi 4",
      description: "Four tickets to use on any shows this season.",
      pricingSets: [
        { id: id("flexi4-full", 201), name: "Full price", price: 96 },
        { id: id("flexi4-conc", 401), name: "Concession", price: 80 },
      ],
      onSaleWebChannelUtc: "2020-01-01T00:00:00Z",
      offSaleWebChannelUtc: "2099-12-31T23:59:00Z",
      onSaleWebChannel: "2020-01-01T00:00:00",
      offSaleWebChannel: "2099-12-31T23:59:00",
    },
    {
      name: "Flexi 8",
      description: "Eight tickets to use on any shows this season.",
      pricingSets: [{ id: id("flexi8-full", 601), name: "Full price", price: 176 }],
      onSaleWebChannelUtc: "2020-01-01T00:00:00Z",
      offSaleWebChannelUtc: "2099-12-31T23:59:00Z",
      onSaleWebChannel: "2020-01-01T00:00:00",
      offSaleWebChannel: "2099-12-31T23:59:00",
    },
  ];
}

/** `extra` is what each type adds on top of the band's base price. */
export function demoTicketTypes(): TicketType[] {
  return [
    { id: id("tt-adult", 201), name: "Adult", extra: 10, isDefault: true },
    { id: id("tt-concession", 401), name: "Concession", extra: 5, isDefault: false },
    { id: id("tt-under18", 601), name: "Under 18", extra: 0, isDefault: false },
  ];
}

export interface Address {
  id: string;
  line1: string;
  line2: string;
  town: string;
  county: string;
  postcode: string;
  country: { id: string; name: string };
  isBilling: boolean;
  isDelivery: boolean;
}

export interface HeldMembership {
  id: string;
  membershipId: string;
  startDate: string;
  expiryDate: string;
  autoRenew: boolean;
}

export interface CustomerRec {
  id: string;
  title: string;
  firstName: string;
  lastName: string;
  email: string;
  password: string | null;
  phone: string | null;
  mobile: string | null;
  birthDate: string | null;
  addresses: Address[];
  memberships: HeldMembership[];
  creditBalance: number;
  /** A Gift Aid declaration is on record (only read when the system claims Gift Aid). */
  giftAidDeclared?: boolean;
  attributes: Record<string, unknown>;
  orderIds: string[];
  /** Ids of the statements (contact preferences) the customer agreed to. */
  agreedStatements: string[];
}

export function demoCustomers(memberships: Membership[], now: Date): CustomerRec[] {
  const friend = memberships[0];
  const start = new Date(now.getTime() - 60 * 86_400_000);
  const expiry = new Date(now.getTime() + 300 * 86_400_000);
  return [
    {
      id: "I-MB22-1DMO",
      title: "Dr",
      firstName: "Morgan",
      lastName: "Member",
      email: DEMO_MEMBER.email,
      password: DEMO_MEMBER.password,
      phone: "403 555 0100",
      mobile: "403 555 0199",
      birthDate: "1980-04-12T00:00:00",
      addresses: [
        {
          id: id("addr-member-billing", 201),
          line1: "1407 Kensington Road NW",
          line2: "",
          town: "Calgary",
          county: "AB",
          postcode: "T2N 3P8",
          country: { id: "CA", name: "Canada" },
          isBilling: true,
          isDelivery: false,
        },
        {
          id: id("addr-member-delivery", 401),
          line1: "Suite 4, 220 Stephen Avenue SW",
          line2: "",
          town: "Calgary",
          county: "AB",
          postcode: "T2P 1J9",
          country: { id: "CA", name: "Canada" },
          isBilling: false,
          isDelivery: true,
        },
      ],
      memberships: friend
        ? [
            {
              id: id("held-friend", 801),
              membershipId: friend.id,
              startDate: start.toISOString().slice(0, 19),
              expiryDate: expiry.toISOString().slice(0, 19),
              autoRenew: true,
            },
          ]
        : [],
      creditBalance: 0,
      attributes: { attribute_MemberNumber: "M-0001" },
      orderIds: [],
      agreedStatements: [],
    },
    {
      id: "I-GS33-2GUE",
      title: "",
      firstName: "Gale",
      lastName: "Guest",
      email: DEMO_GUEST.email,
      password: DEMO_GUEST.password,
      phone: null,
      mobile: null,
      birthDate: null,
      addresses: [
        {
          id: id("addr-guest", 601),
          line1: "9 Gallery Row SE",
          line2: "",
          town: "Calgary",
          county: "AB",
          postcode: "T2G 0P6",
          country: { id: "CA", name: "Canada" },
          isBilling: true,
          isDelivery: true,
        },
      ],
      memberships: [],
      creditBalance: 0,
      attributes: {},
      orderIds: [],
      agreedStatements: [],
    },
  ];
}
