import { z } from "zod";
import { isOpaqueId, isSpektrixId } from "@/lib/spektrix";
import { FLOWS, FLOW_NAMES, type FlowName } from "@/lib/spektrix-flows/flows";
import { DISALLOWED_MARKUP_MESSAGE, hasDisallowedMarkup, sanitizeVenueHtml } from "@/lib/html/sanitize";
import { fieldErrorsOf, optionalText, optionalUrl, type FieldErrors } from "./forms";
import { plainText } from "@/lib/text/plain-text";
import type { PickerKind } from "./picker-core";

/**
 * Pages built from blocks: the page form and the block union, validated with zod field by field. Blocks that
 * point at Spektrix records store `{ id, label }` (the label is a snapshot, so the pick reads even when
 * Spektrix is down). Pure: no I/O.
 */

export const MAX_BLOCKS = 40;

const refTo = (isId: (id: string) => boolean) =>
  z.object(
    {
      id: z
        .string({ error: "choose a record from the list" })
        .trim()
        .min(1, { message: "choose a record from the list" })
        .max(80, { message: "is not a Spektrix id" })
        .refine(isId, { message: "is not a Spektrix id; choose a record from the list" }),
      label: plainText(300, { min: 1 }),
      at: z.string().max(40).optional(),
    },
    { error: "choose a record from the list" },
  );
const ref = refTo(isSpektrixId);
export type Ref = z.output<typeof ref>;
/**
 * Spektrix's ticket subscription structures carry no id, so the client names each by its name's slug
 * (lib/spektrix/schemas.ts subscriptionSchema); a pick of one is that slug.
 */
const subscriptionRef = refTo((id) => isSpektrixId(id) || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id));
/** Statement ids have no documented format (lib/spektrix/README.md): any path-safe token. */
const statementRef = refTo(isOpaqueId);
/** More choices than this make a sign-up form nobody reads to the end. */
export const MAX_NEWSLETTER_STATEMENTS = 10;

const richHtml = z
  .string({ error: "must be text" })
  .max(20_000, { message: "must be at most 20,000 characters" })
  .refine((s) => !hasDisallowedMarkup(s), { message: DISALLOWED_MARKUP_MESSAGE })
  // Nothing readable left after cleaning is the same as nothing typed.
  .transform((s) => sanitizeVenueHtml(s) ?? "")
  .refine((s) => s.length > 0, { message: "is required" });

/** Iframe blocks use the flows registry (lib/spektrix-flows/flows), so nothing here spells a Spektrix page name. */
export const IFRAME_FLOWS = Object.fromEntries(
  FLOW_NAMES.map((f) => {
    const def = FLOWS[f] as { title: string; idParam?: string; idLabel?: string };
    return [
      f,
      { label: def.title, params: [...(def.idParam ? ["id"] : []), ...(f === "myAccount" ? ["screen"] : [])] },
    ];
  }),
) as Record<FlowName, { label: string; params: string[] }>;
export type IframeFlow = FlowName;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const heading = optionalText(160);
const intro = optionalText(600);

export const blockSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("richText"), html: richHtml }),
    z.object({
      type: z.literal("hero"),
      heading: plainText(160, { min: 1 }),
      text: optionalText(600),
      imageUrl: optionalUrl(),
      imageAlt: optionalText(300),
      ctaLabel: optionalText(60),
      ctaHref: optionalUrl({ allowPath: true }),
    }),
    z.object({ type: z.literal("eventFeature"), event: ref, heading }),
    z.object({ type: z.literal("performanceBooking"), performance: ref, heading }),
    z.object({
      type: z.literal("donate"),
      fund: ref,
      heading,
      intro,
      amounts: z
        .array(
          z
            .number({ error: "must be a number" })
            .positive({ message: "must be more than 0" })
            .max(100_000, { message: "must be at most 100,000" }),
          { error: "must be a list of amounts" },
        )
        .max(6, { message: "at most 6 suggested amounts" })
        .default([10, 25, 50]),
    }),
    z.object({ type: z.literal("membership"), membership: ref, heading, intro }),
    z.object({ type: z.literal("giftVoucher"), voucher: ref, heading, intro }),
    z.object({ type: z.literal("merchandise"), item: ref, heading, intro }),
    z.object({ type: z.literal("seatingType"), seatingType: ref, heading, intro }),
    z.object({ type: z.literal("subscription"), subscription: subscriptionRef, heading, intro }),
    z.object({
      type: z.literal("newsletter"),
      // Empty: the block offers every statement Spektrix has when the page is shown.
      statements: z
        .array(statementRef, { error: "must be a list of contact preferences" })
        .max(MAX_NEWSLETTER_STATEMENTS, { message: `at most ${MAX_NEWSLETTER_STATEMENTS} contact preferences` })
        .refine((refs) => new Set(refs.map((r) => r.id)).size === refs.length, {
          message: "lists a contact preference twice",
        })
        .default([]),
      heading,
      intro,
    }),
    z.object({
      type: z.literal("iframe"),
      flow: z.enum(FLOW_NAMES as [FlowName, ...FlowName[]], { error: "choose a Spektrix flow" }),
      title: optionalText(120),
      params: z
        .object(
          {
            id: z.preprocess(
              emptyToUndefined,
              z
                .string({ error: "must be text" })
                .trim()
                .regex(/^[1-9]\d{0,11}(A[A-Z]{1,60})?$/, {
                  message: "must be a Spektrix id such as 4201ASVG… or its number",
                })
                .optional(),
            ),
            screen: z.preprocess(
              emptyToUndefined,
              z
                .string({ error: "must be text" })
                .regex(/^[A-Za-z]{1,40}$/, { message: "must be a My Account screen name (letters only)" })
                .optional(),
            ),
          },
          { error: "must be the flow's parameters" },
        )
        .strict()
        .default({}),
    }),
  ],
  { error: "is not a known block type" },
);

export type Block = z.output<typeof blockSchema>;
export type BlockType = Block["type"];

/**
 * The picker each record-pointing block uses, the field it stores the pick in, and what a visitor can do with the
 * published block (shown beside the picker, so an editor knows what the pick leads to). `many`: the field holds a
 * list of picks, any number of them including none.
 */
export const BLOCK_PICKERS: Partial<
  Record<BlockType, { field: string; kind: PickerKind; label: string; help: string; many?: true }>
> = {
  eventFeature: {
    field: "event",
    kind: "event",
    label: "Event",
    help: "Visitors see the show as the listings show it (image, dates, venue) with a Book button to its dates.",
  },
  performanceBooking: {
    field: "performance",
    kind: "performance",
    label: "Performance",
    help: "Visitors choose tickets (and seats, where the performance has them) for this performance in Spektrix's booking page, on this page.",
  },
  donate: {
    field: "fund",
    kind: "fund",
    label: "Fund",
    help: "Visitors give to this fund, a suggested amount or their own, and it goes into their basket.",
  },
  membership: {
    field: "membership",
    kind: "membership",
    label: "Membership type",
    help: "Visitors join with this membership type (it goes into their basket); at checkout it brings member prices.",
  },
  giftVoucher: {
    field: "voucher",
    kind: "voucher",
    label: "Gift voucher",
    help: "Visitors buy a gift voucher of this type's amount (Spektrix sells vouchers by amount), with a message and e-mail delivery.",
  },
  merchandise: {
    field: "item",
    kind: "merchandise",
    label: "Merchandise item",
    help: "Visitors add this item to their basket, as many as they like.",
  },
  seatingType: {
    field: "seatingType",
    kind: "seating-type",
    label: "Seating type",
    help: "Visitors read what this seating type is (Spektrix's description) and follow a link to the performances, where they choose it with their seats: Spektrix sells a seating type only with a seat.",
  },
  subscription: {
    field: "subscription",
    kind: "subscription",
    label: "Subscription",
    help: "Visitors see this subscription and buy it in Spektrix's subscriptions page on this page (it lists every subscription on sale).",
  },
  newsletter: {
    field: "statements",
    kind: "statement",
    label: "Contact preference",
    help: "Visitors sign up with their e-mail address (and name, if they like) and tick the contact preferences they agree to, none ticked for them; Spektrix records them on their customer record. Pick the preferences to offer, or none to offer every one Spektrix has.",
    many: true,
  },
};

export const BLOCK_LABELS: Record<BlockType, string> = {
  richText: "Rich text",
  hero: "Hero",
  eventFeature: "Event feature",
  performanceBooking: "Performance booking",
  donate: "Donate",
  membership: "Membership",
  giftVoucher: "Gift voucher",
  merchandise: "Merchandise",
  seatingType: "Seating-type information",
  subscription: "Subscription offer",
  newsletter: "Newsletter sign-up",
  iframe: "Spektrix iframe",
};

/** Slugs that would read as, or collide with, the site's own routes. */
const RESERVED_SLUGS = new Set([
  "studio",
  "api",
  "events",
  "whats-on",
  "account",
  "basket",
  "checkout",
  "support-us",
  "membership",
  "p",
  "info",
  "new",
]);

/** A studio page's slug: lower-case words joined by hyphens, short enough to be a URL segment and a cache tag. */
const PAGE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PAGE_SLUG_MAX = 80;
/** Whether a visitor's /info segment could name a page at all (checked before any read or cache). */
export const isPageSlug = (s: string) => s.length <= PAGE_SLUG_MAX && PAGE_SLUG.test(s);

export const pageSchema = z.object({
  slug: z
    .string({ error: "must be text" })
    .trim()
    .toLowerCase()
    .min(1, { message: "is required" })
    .max(PAGE_SLUG_MAX, { message: `must be at most ${PAGE_SLUG_MAX} characters` })
    .regex(PAGE_SLUG, { message: "must be lower-case words joined by hyphens, e.g. support-us" })
    .refine((s) => !RESERVED_SLUGS.has(s), { message: "is reserved for the site's own pages; choose another" }),
  title: plainText(160, { min: 1 }),
  seoTitle: optionalText(70),
  seoDescription: optionalText(160),
  blocks: z
    .array(blockSchema, { error: "must be a list of blocks" })
    .max(MAX_BLOCKS, { message: `at most ${MAX_BLOCKS} blocks` })
    .superRefine((blocks, ctx) => {
      // A frame that shows one record (an event, a performance) shows nothing without it: visitors would meet
      // "This part of the page isn't available", so the editor hears it on saving, beside the field. Checked on
      // saving only: a block saved before this rule still reads back, for the editor to finish.
      blocks.forEach((block, i) => {
        if (block.type !== "iframe") return;
        const { idLabel } = FLOWS[block.flow] as { idLabel?: string };
        if (idLabel && !block.params.id)
          ctx.addIssue({ code: "custom", path: [i, "params", "id"], message: `needs the ${idLabel}’s Spektrix id` });
      });
    }),
});
export type PageInput = z.output<typeof pageSchema>;

export type ParsedPage = { ok: true; page: PageInput } | { ok: false; fieldErrors: FieldErrors };

export function parsePage(input: unknown): ParsedPage {
  const r = pageSchema.safeParse(input);
  return r.success ? { ok: true, page: r.data } : { ok: false, fieldErrors: fieldErrorsOf(r.error) };
}

/** A fresh block of a type, as the editor adds it. */
export function emptyBlock(type: BlockType): Record<string, unknown> {
  switch (type) {
    case "richText":
      return { type, html: "" };
    case "hero":
      return { type, heading: "", text: "", imageUrl: "", imageAlt: "", ctaLabel: "", ctaHref: "" };
    case "iframe":
      return { type, flow: "eventDetails", title: "", params: {} };
    case "donate":
      return { type, fund: null, heading: "", intro: "", amounts: [10, 25, 50] };
    default: {
      const picker = BLOCK_PICKERS[type]!;
      return { type, [picker.field]: picker.many ? [] : null, heading: "", intro: "" };
    }
  }
}

/** The Spektrix records a page's blocks point at, for the "no longer exists" check. */
export function blockRefs(blocks: readonly Block[]): { index: number; kind: PickerKind; ref: Ref }[] {
  const out: { index: number; kind: PickerKind; ref: Ref }[] = [];
  blocks.forEach((block, index) => {
    const picker = BLOCK_PICKERS[block.type];
    if (!picker) return;
    const value = (block as unknown as Record<string, Ref | Ref[] | null>)[picker.field];
    for (const ref of Array.isArray(value) ? value : value ? [value] : []) out.push({ index, kind: picker.kind, ref });
  });
  return out;
}
