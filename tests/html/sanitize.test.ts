import { describe, expect, it } from "vitest";
import {
  DISALLOWED_MARKUP_MESSAGE,
  excerpt,
  hasDisallowedMarkup,
  htmlToText,
  sanitizeVenueHtml,
} from "@/lib/html/sanitize";
import { applyTransform } from "@/lib/sync/transforms";
import { blockSchema } from "@/lib/studio/blocks";
import { eventEditSchema } from "@/lib/studio/events";

/**
 * The one venue-HTML policy (lib/html/sanitize), run against a cross-site-scripting corpus. Every way venue
 * HTML reaches a page goes through it: the sync's `html` transform, the studio's event and block forms, and the
 * render of event pages, published blocks and the studio preview.
 */

// Payloads in the shapes attackers and careless copy-paste produce: tags, handlers, schemes, encodings, nesting.
const XSS_CORPUS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '<img src="javascript:alert(1)">',
  "<svg/onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<math><mtext><script>alert(1)</script></mtext></math>",
  "<body onload=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="//evil.example/">x</a>',
  '<p onclick="alert(1)">x</p>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div onmouseover="alert(1)">x</div>',
  "<style>@import 'https://evil.example/x.css';</style><p>x</p>",
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="https://evil.example"><input name="card"><button>Pay</button></form>',
  '<base href="https://evil.example/">',
  "<template><script>alert(1)</script></template>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  "<<script>alert(1)//<</script>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  '<a href="https://example.org" onclick="alert(1)">x</a>',
  '<p><a title="x" href="https://example.org" target="_top">x</a></p>',
  "<!--<script>alert(1)</script>-->",
  "<![CDATA[<script>alert(1)</script>]]>",
];

/** What must never survive: an executable tag, an event handler, a script-bearing scheme, inline style. */
const UNSAFE =
  /<\s*(script|iframe|object|embed|svg|math|style|link|meta|form|input|button|base|img|template|body)\b|\son[a-z]+\s*=|javascript:|vbscript:|data:|style=|href="\/\//i;

describe("venue HTML sanitiser: the XSS corpus", () => {
  it.each(XSS_CORPUS)("leaves nothing executable of %s", (payload) => {
    const out = sanitizeVenueHtml(payload) ?? "";
    expect(out).not.toMatch(UNSAFE);
    // The same payload wrapped the way Spektrix wraps descriptions, and through the sync's transform.
    expect(sanitizeVenueHtml(`<div id="x"><p>Before</p>${payload}<p>After</p></div>`)).not.toMatch(UNSAFE);
    expect(String(applyTransform("html", payload, { timeZone: "UTC" }) ?? "")).not.toMatch(UNSAFE);
  });

  it.each(
    XSS_CORPUS.filter((p) =>
      /<\s*(script|style|iframe|object|embed|form|input|link|meta|svg|math)\b|\son[a-z]+\s*=|javascript:/i.test(p),
    ),
  )("the studio refuses %s rather than cleaning it silently", (payload) => {
    expect(hasDisallowedMarkup(payload)).toBe(true);
    const event = eventEditSchema.safeParse({ bodyOverrideHtml: payload });
    expect(event.success).toBe(false);
    expect(JSON.stringify(event.error?.issues)).toContain(DISALLOWED_MARKUP_MESSAGE);
    expect(blockSchema.safeParse({ type: "richText", html: payload }).success).toBe(false);
  });

  it("is idempotent, so the sync and the page may both clean the same HTML", () => {
    for (const payload of [
      ...XSS_CORPUS,
      '<h1>T</h1><h5>s</h5><p><a href="https://a.b">y</a> <a href="mailto:x@y.z">m</a></p>',
      '<section><table><tr><td colspan="2">a</td></tr></table><a href="javascript:x">b</a><button>c</button></section>',
      // Every tag the policy rewrites, inside a paragraph, where a block would be moved out by the next clean.
      ...[
        "section",
        "figure",
        "pre",
        "fieldset",
        "address",
        "label",
        "button",
        "center",
        "dl",
        "dt",
        "dd",
        "table",
      ].map((tag) => `<p>Name: <${tag}>x</${tag}> more</p>`),
    ]) {
      const once = sanitizeVenueHtml(payload);
      expect(sanitizeVenueHtml(once)).toBe(once);
    }
  });
});

describe("venue HTML sanitiser: the policy", () => {
  it("removes scripts, handlers and javascript: links but keeps formatting", () => {
    const out = sanitizeVenueHtml(
      '<h1>Tosca</h1><p onclick="x()">A <strong>thriller</strong><script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>',
    );
    expect(out).toContain("<h2>Tosca</h2>");
    expect(out).toContain("<strong>thriller</strong>");
    expect(out).not.toMatch(/script|onclick|onerror|javascript|<img/i);
  });

  it("drops style elements with their content", () => {
    expect(sanitizeVenueHtml("<style>p{}</style><b>ok</b>")).toBe("<b>ok</b>");
  });

  it("keeps headings between h2 and h4: the page owns the h1", () => {
    expect(sanitizeVenueHtml("<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>")).toBe(
      "<h2>a</h2><h2>b</h2><h3>c</h3><h4>d</h4><h4>e</h4><h4>f</h4>",
    );
  });

  it("keeps a venue's table, and ends every block it drops, so no two cells or lines run together", () => {
    const table =
      '<table><caption>Prices</caption><thead><tr><th scope="col">Seat</th><th>Price</th></tr></thead>' +
      '<tbody><tr><td colspan="2" style="color:red">Stalls</td></tr></tbody></table>';
    expect(sanitizeVenueHtml(table)).toBe(
      '<table><caption>Prices</caption><thead><tr><th scope="col">Seat</th><th>Price</th></tr></thead>' +
        '<tbody><tr><td colspan="2">Stalls</td></tr></tbody></table>',
    );
    expect(htmlToText(table)).toBe("Prices Seat Price Stalls");
    expect(htmlToText("<pre>a</pre><figure>b</figure><dl><dt>c</dt><dd>d</dd></dl>")).toBe("a b c d");
    expect(sanitizeVenueHtml("<section>One</section><article>Two</article><figure>Three</figure>")).toBe(
      "<div>One</div><div>Two</div><div>Three</div>",
    );
  });

  it("drops a pasted form with its labels, keeps a button's words, and unlinks a refused address", () => {
    expect(sanitizeVenueHtml('<form><p>Sign up</p><input name="e"><button>Submit</button></form><p>After</p>')).toBe(
      "<p>After</p>",
    );
    expect(sanitizeVenueHtml('<p><a href="/book"><button>Book now</button></a></p>')).toBe(
      '<p><a href="/book"><span>Book now</span></a></p>',
    );
    for (const href of ["javascript:alert(1)", " jav\tascript:x", "//evil.example/", "vbscript:x", "data:text/html,x"])
      expect(sanitizeVenueHtml(`<p>Read <a href="${href}">more</a></p>`)).toBe("<p>Read <span>more</span></p>");
    expect(sanitizeVenueHtml('<p><a href="/whats-on?genre=Opera#top">Opera</a></p>')).toBe(
      '<p><a href="/whats-on?genre=Opera#top">Opera</a></p>',
    );
    expect(sanitizeVenueHtml('<p><a href="tel:+14035550142">Call</a></p>')).toBe(
      '<p><a href="tel:+14035550142">Call</a></p>',
    );
  });

  it("opens outside links safely", () => {
    expect(sanitizeVenueHtml('<p><a href="https://example.org">Programme</a></p>')).toContain(
      'rel="noopener noreferrer nofollow"',
    );
    expect(sanitizeVenueHtml('<p><a href="https://example.org">Programme</a></p>')).toBe(
      '<p><a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">Programme</a></p>',
    );
  });

  it("decides rel and target itself: mail, phone and relative links carry neither, whatever the author wrote", () => {
    expect(sanitizeVenueHtml('<p><a href="mailto:box@example.org" target="_blank" rel="opener">Mail</a></p>')).toBe(
      '<p><a href="mailto:box@example.org">Mail</a></p>',
    );
    expect(
      sanitizeVenueHtml('<p><a href="tel:+441234">Call</a> <a href="/membership" target="_top">Join</a></p>'),
    ).toBe('<p><a href="tel:+441234">Call</a> <a href="/membership">Join</a></p>');
  });

  it("strips empty wrappers and treats Spektrix's empty editor output as no description", () => {
    expect(sanitizeVenueHtml("<div id>\r\n\r\n</div>")).toBeNull();
    expect(sanitizeVenueHtml("<p>&nbsp;</p>")).toBeNull();
    expect(sanitizeVenueHtml("<hr>")).toBeNull();
    expect(sanitizeVenueHtml("<div><p></p><p>Hi</p><p><br></p></div>")).toBe("<div><p>Hi</p></div>");
  });

  it("keeps the line breaks Spektrix's editor wraps in spans", () => {
    // As a real venue's description arrives: every break is `<span><br/></span>`.
    expect(
      sanitizeVenueHtml(
        '<div id>Tosca.<span><br/></span><span><br/></span><span class="BoldText">Run time:</span> 92 minutes<span><br/></span>Doors 11:30</div>',
      ),
    ).toBe(
      "<div>Tosca.<span><br /></span><span><br /></span><span>Run time:</span> 92 minutes<span><br /></span>Doors 11:30</div>",
    );
  });

  it("makes plain text and excerpts", () => {
    expect(htmlToText("<p>One</p><p>Two &amp; three</p>")).toBe("One Two & three");
    expect(excerpt("word ".repeat(100), 30)).toMatch(/…$/);
    // Lines of a Spektrix description keep their breaks as sentences, not one run-on line.
    expect(excerpt("NL song variety show\r\n\r\nIn partnership with the Arts Club")).toBe(
      "NL song variety show. In partnership with the Arts Club",
    );
    expect(excerpt("Directed by Kelly Russell\nIn partnership with us")).toBe(
      "Directed by Kelly Russell. In partnership with us",
    );
    expect(excerpt("Ends a sentence.\n\nNext one")).toBe("Ends a sentence. Next one");
    expect(excerpt("A line that wraps\nin the middle")).toBe("A line that wraps in the middle");
    expect(excerpt("Starring:\nAnna")).toBe("Starring: Anna");
    // Venue text with thousands of blank lines before a lower-case word: linear, not exponential, backtracking
    // (a nested repetition here took 0.3 s at 26 newlines and doubled with each one).
    expect(excerpt(`a${"\n".repeat(20_000)}x`)).toBe("a x");
  });
});
