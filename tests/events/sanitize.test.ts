import { describe, expect, it } from "vitest";
import { excerpt, htmlToText, sanitizeVenueHtml } from "@/lib/html/sanitize";

describe("venue HTML sanitiser", () => {
  it("removes scripts, handlers and javascript: links but keeps formatting", () => {
    const out = sanitizeVenueHtml('<h1>Tosca</h1><p onclick="x()">A <strong>thriller</strong><script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>');
    expect(out).toContain("<h2>Tosca</h2>");
    expect(out).toContain("<strong>thriller</strong>");
    expect(out).not.toMatch(/script|onclick|onerror|javascript|<img/i);
  });

  it("opens outside links safely", () => {
    expect(sanitizeVenueHtml('<p><a href="https://example.org">Programme</a></p>')).toContain('rel="noopener noreferrer nofollow"');
  });

  it("treats Spektrix's empty editor output as no description", () => {
    expect(sanitizeVenueHtml("<div id>\r\n\r\n</div>")).toBeNull();
    expect(sanitizeVenueHtml("<p>&nbsp;</p>")).toBeNull();
  });

  it("makes plain text and excerpts", () => {
    expect(htmlToText("<p>One</p><p>Two &amp; three</p>")).toBe("One Two & three");
    expect(excerpt("word ".repeat(100), 30)).toMatch(/…$/);
  });
});
