/**
 * The one policy for venue-authored HTML: Spektrix `htmlDescription` (cleaned when the sync stores it and again
 * when a page renders it), editors' description overrides, rich-text blocks on studio pages and the studio
 * preview. Every caller goes through `sanitizeVenueHtml` (and the studio forms through `hasDisallowedMarkup`
 * first), so what an editor saves, what the sync stores and what a visitor sees follow the same rules.
 */
import sanitizeHtml from "sanitize-html";

/**
 * Blocks the policy does not keep, written as divs so their text still ends a line. Only tags that close an open
 * paragraph (as `<div>` does), so a div never lands inside a `<p>` for the next clean to move (idempotence).
 */
const DROPPED_BLOCKS = [
  "section",
  "article",
  "header",
  "footer",
  "aside",
  "main",
  "figure",
  "figcaption",
  "address",
  "pre",
  "fieldset",
];

/** Every block whose end is a word break in plain text (`htmlToText`): the kept ones and the dropped ones. */
const BLOCK_TAGS = ["p", "div", "li", "h\\d", "t[dhr]", "caption", "d[ltd]", "blockquote", ...DROPPED_BLOCKS];
const BLOCK_END = new RegExp(`</(${BLOCK_TAGS.join("|")})>|<br\\s*/?>`, "gi");

/** The only schemes a venue's link may use; anything else is not a link (`isKeptHref`). */
const KEPT_SCHEMES = ["http", "https", "mailto", "tel"];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "hr",
    "span",
    "div",
    "small",
    "sup",
    "sub",
    // Venues set out prices and times in tables; dropped, their cells ran together as one word.
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    // Kept rather than made divs: a dt or dd inside a paragraph would become a div there, which the next clean would
    // move out of it, and the sync and the page both clean (idempotence).
    "dl",
    "dt",
    "dd",
  ],
  // `target`/`rel` are set by the `a` transform below and must survive the attribute filter.
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
  },
  allowedSchemes: KEPT_SCHEMES,
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Content of these is dropped along with the tag, not left behind as text.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "iframe",
    "object",
    "embed",
    "template",
    "svg",
    "math",
    // A pasted sign-up or search form is inputs and a "Submit" label: nothing a reader needs once it cannot work.
    "form",
  ],
  transformTags: {
    // The page owns the one h1 (the event or page title); venue headings start at h2 and stop at h4.
    h1: "h2",
    h5: "h4",
    h6: "h4",
    // Blocks the policy does not keep still end a line: dropped outright, their text would run into the next.
    ...Object.fromEntries(DROPPED_BLOCKS.map((tag) => [tag, "div"])),
    // A button's words stay, as text: it may be a link's ("Book now" inside an <a>).
    button: "span",
    label: "span",
    // The policy, not the author, decides `rel`/`target`: links off the site open in a new tab without handing
    // it the opener or our referrer, and earn no ranking; mailto/tel and relative links carry neither. A link
    // whose address the policy refuses (`javascript:`, `//elsewhere`) becomes its text: an underlined word that
    // goes nowhere is worse than none.
    a: (tagName, { rel: _rel, target: _target, ...attribs }) => {
      if (!isKeptHref(attribs.href)) return { tagName: "span", attribs: {} };
      return {
        tagName,
        attribs: /^https?:/i.test(attribs.href ?? "")
          ? { ...attribs, rel: "noopener noreferrer nofollow", target: "_blank" }
          : attribs,
      };
    },
  },
  // Empty blocks (Spektrix's editor leaves many) would only add blank space. Inline wrappers stay: an empty one
  // draws nothing, and Spektrix's editor writes its line breaks as `<span><br/></span>`.
  exclusiveFilter: (frame) => ["p", "div", "h2", "h3", "h4"].includes(frame.tag) && !frame.text.trim(),
};

/**
 * Whether the policy keeps a link's address: one of KEPT_SCHEMES, or a path on this site. Read as a browser reads
 * it, with the tabs, newlines and spaces it ignores taken out first (`jav&#x09;ascript:`), and entities already
 * decoded by the parser.
 */
function isKeptHref(href: string | undefined): boolean {
  const h = (href ?? "").replace(/[\u0000-\u0020\u007f]/g, "");
  if (!h || /^[/\\]{2}/.test(h)) return false;
  const scheme = /^([^/?#]*?):/.exec(h)?.[1];
  return scheme === undefined || KEPT_SCHEMES.includes(scheme.toLowerCase());
}

/**
 * Clean HTML safe to inline, or null when nothing readable is left (Spektrix often sends `<div id>\r\n</div>`).
 * Idempotent: cleaning clean HTML returns it unchanged, so the sync and the page may both call it.
 */
export function sanitizeVenueHtml(html: string | null | undefined): string | null {
  if (!html) return null;
  const clean = sanitizeHtml(html, OPTIONS).trim();
  const text = sanitizeHtml(clean, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|&#160;|\s/gi, "");
  return text ? clean : null;
}

/**
 * Markup the studio refuses outright instead of silently cleaning, so an editor learns that a script, frame,
 * form, style or event handler they pasted will not reach the site. Anything that passes is still cleaned by
 * `sanitizeVenueHtml` before it is stored.
 */
const DISALLOWED_MARKUP =
  /<\s*(script|style|iframe|object|embed|form|input|link|meta|svg|math)\b|\son[a-z]+\s*=|javascript:|data:text\/html/i;
export function hasDisallowedMarkup(html: string): boolean {
  return DISALLOWED_MARKUP.test(html);
}
export const DISALLOWED_MARKUP_MESSAGE =
  "contains markup that is not allowed (scripts, frames, forms, styles or event handlers)";

/** Plain text of venue HTML, for meta descriptions and calendar entries. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return "";
  // Every block's end is a word break, so two paragraphs, list items or table cells never run together.
  return sanitizeHtml(html.replace(BLOCK_END, "$& "), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Plain text on one line, cut at a word boundary, with an ellipsis when cut. A line break before a capital where
 * the line before ends without punctuation (a title line, a credit: "NL song variety show" then "In partnership
 * with…") becomes a full stop, so two lines do not run together as one sentence; other breaks become spaces.
 */
export function excerpt(text: string | null | undefined, max = 180): string {
  const t = (text ?? "")
    // One newline, then any whitespace: no nested repetition, so a long run of blank lines cannot backtrack.
    .replace(/([^\s.!?:;…,"”'’)\]])[ \t]*\r?\n\s*(?=[\p{Lu}\p{N}"“])/gu, "$1. ")
    .replace(/\s+/g, " ")
    .trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > max * 0.6 ? space : max).replace(/[\s,.;:–-]+$/, "")}…`;
}

/** Plain text with blank-line paragraphs (Spektrix `description`) as escaped paragraphs. */
export function textToParagraphs(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}
