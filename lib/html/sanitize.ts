/**
 * The one sanitiser for venue-authored HTML (Spektrix `htmlDescription`, editors' overrides). Everything that
 * renders such HTML goes through `sanitizeVenueHtml`; nothing else on the site uses dangerouslySetInnerHTML
 * for venue content.
 */
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "s", "a", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "hr", "span", "div", "small", "sup", "sub"],
  allowedAttributes: { a: ["href", "title"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Content of these is dropped along with the tag, not left behind as text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "svg", "math"],
  transformTags: {
    // The page owns the one h1 (the event title); venue headings start at h2.
    h1: "h2",
    h5: "h4",
    h6: "h4",
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...attribs,
        ...(/^https?:/i.test(attribs.href ?? "") ? { rel: "noopener noreferrer nofollow", target: "_blank" } : {}),
      },
    }),
  },
  // Empty wrappers (Spektrix's editor leaves many) would only add blank space.
  exclusiveFilter: (frame) => ["p", "div", "span", "strong", "em", "b", "i", "h2", "h3", "h4"].includes(frame.tag) && !frame.text.trim(),
};
// `target`/`rel` are added by the transform above and must survive the attribute filter.
OPTIONS.allowedAttributes = { a: ["href", "title", "rel", "target"] };

/**
 * Clean HTML safe to inline, or null when nothing readable is left (Spektrix often sends `<div id>\r\n</div>`).
 */
export function sanitizeVenueHtml(html: string | null | undefined): string | null {
  if (!html) return null;
  const clean = sanitizeHtml(html, OPTIONS).trim();
  const text = sanitizeHtml(clean, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, "");
  return text ? clean : null;
}

/** Plain text of venue HTML, for meta descriptions and calendar entries. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return "";
  return sanitizeHtml(html.replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, "$& "), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Plain text cut at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string | null | undefined, max = 180): string {
  const t = (text ?? "").replace(/\s+/g, " ").trim();
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
