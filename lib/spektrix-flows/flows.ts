/**
 * The registry of Spektrix iframe flows the site can embed, by name. Pure and browser-safe: the server uses it
 * to build iframe URLs, editors pick from `FLOW_NAMES`, and nothing else spells a Spektrix page name.
 */
import { IFRAME_PARAMS, iframeUrl, type IframePage } from "@/lib/spektrix/urls";
import { parseShortId } from "@/lib/spektrix/ids";

export interface FlowDefinition {
  page: IframePage;
  /** Accessible title for the iframe and heading text for the block. */
  title: string;
  /** Query parameter carrying the leading integer of the record id, when the flow needs one. */
  idParam?: string;
  /** What the id is, for messages to editors. */
  idLabel?: string;
  /**
   * Starting height before the first resize message, in CSS pixels. Kept modest: a framed page measures at
   * least the frame's own height, so a tall start can only grow, never settle to shorter content.
   */
  initialHeight: number;
}

export const FLOWS = {
  eventDetails: {
    page: "eventDetails",
    title: "Event details",
    idParam: IFRAME_PARAMS.event,
    idLabel: "event",
    initialHeight: 400,
  },
  chooseSeats: {
    page: "chooseSeats",
    title: "Choose your tickets",
    idParam: IFRAME_PARAMS.performance,
    idLabel: "performance",
    initialHeight: 400,
  },
  basket: { page: "basket", title: "Your basket", initialHeight: 400 },
  checkout: { page: "checkout", title: "Checkout", initialHeight: 400 },
  myAccount: { page: "myAccount", title: "My account", initialHeight: 400 },
  loginLogout: { page: "loginLogout", title: "Sign in or out", initialHeight: 400 },
  signUp: { page: "signUp", title: "Create an account", initialHeight: 400 },
  donate: { page: "donations", title: "Make a donation", initialHeight: 400 },
  memberships: { page: "memberships", title: "Memberships", initialHeight: 400 },
  giftVouchers: { page: "giftVouchers", title: "Gift vouchers", initialHeight: 400 },
  merchandise: { page: "merchandise", title: "Shop", initialHeight: 400 },
  ticketSubscriptions: { page: "ticketSubscriptions", title: "Subscriptions", initialHeight: 400 },
} as const satisfies Record<string, FlowDefinition>;

export type FlowName = keyof typeof FLOWS;
export const FLOW_NAMES = Object.keys(FLOWS) as FlowName[];

export function isFlowName(value: unknown): value is FlowName {
  return typeof value === "string" && Object.hasOwn(FLOWS, value);
}

export interface FlowParams {
  /** A v3 id (`4201ASVG…`) or its leading integer (`4201`): iframes take only the integer. */
  id?: string | number | null;
  /** MyAccount screen, e.g. `Orders` (letters only). */
  screen?: string | null;
  /** Gift memberships on the gift-voucher page. */
  membershipId?: string | number | null;
}

export type FlowSrcResult =
  | { ok: true; src: string; flow: FlowName; title: string; initialHeight: number }
  | { ok: false; flow: FlowName | null; problem: string };

export interface FlowSrcInput {
  baseUrl: string;
  clientName: string;
  flow: string;
  params?: FlowParams;
  stylesheet?: string | null;
}

/**
 * The iframe URL for a flow. Problems come back as values with a sentence an editor can act on, never as
 * exceptions, so a misconfigured block cannot take a page down.
 */
export function flowSrc({ baseUrl, clientName, flow, params = {}, stylesheet }: FlowSrcInput): FlowSrcResult {
  if (!isFlowName(flow))
    return {
      ok: false,
      flow: null,
      problem: `“${flow}” is not a Spektrix flow. Choose one of: ${FLOW_NAMES.join(", ")}.`,
    };
  const def: FlowDefinition = FLOWS[flow];
  const query: Record<string, string> = {};
  if (def.idParam) {
    const short = parseShortId(params.id);
    if (!short) {
      const given =
        params.id === undefined || params.id === null || params.id === "" ? "no id" : `“${String(params.id)}”`;
      return {
        ok: false,
        flow,
        problem: `The ${def.title.toLowerCase()} block needs a Spektrix ${def.idLabel} id, but it has ${given}.`,
      };
    }
    query[def.idParam] = short;
  }
  if (flow === "myAccount" && params.screen) {
    if (!/^[A-Za-z]{1,40}$/.test(params.screen))
      return { ok: false, flow, problem: `“${params.screen}” is not a My Account screen name (letters only).` };
    query[IFRAME_PARAMS.screen] = params.screen;
  }
  if (flow === "giftVouchers" && params.membershipId !== undefined && params.membershipId !== null) {
    const short = parseShortId(params.membershipId);
    if (!short)
      return {
        ok: false,
        flow,
        problem: `The gift voucher block has an invalid membership id “${String(params.membershipId)}”.`,
      };
    query[IFRAME_PARAMS.membership] = short;
  }
  const src = iframeUrl({
    baseUrl,
    clientName,
    page: def.page,
    params: query,
    stylesheet: stylesheet || undefined,
    resize: true,
  });
  return { ok: true, src, flow, title: def.title, initialHeight: def.initialHeight };
}
