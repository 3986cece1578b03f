// @vitest-environment happy-dom
/**
 * An event's image is painted as soon as it arrives (not held transparent until a script marks it loaded, which
 * made it a phone's late LCP; ADR 0016), and a failed one leaves the server-rendered poster.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { renderToString } from "react-dom/server";
import { EventImage } from "@/components/site/event-image-client";
import { StaticEventCard } from "@/components/site/event-card-static";
import { posterInitial } from "@/components/site/poster";

// Cards link with SiteLink, which asks for the app router only to prefetch on intent.
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));

const image = { url: "https://venue.blob.core.windows.net/events/hamlet.jpg", alt: "Hamlet holds a skull" };

// happy-dom fetches no images: make every image count as arrived, so only an error event can remove one.
beforeAll(() => {
  Object.defineProperty(HTMLImageElement.prototype, "naturalWidth", { configurable: true, get: () => 400 });
});

describe("EventImage", () => {
  it("is visible in the server's HTML, over the poster, before any script runs", () => {
    const html = renderToString(<EventImage image={image} title="Hamlet" sizes="100vw" />);
    const img = html.match(/<img[^>]*>/)?.[0] ?? "";
    expect(img).toContain('alt="Hamlet holds a skull"');
    expect(img).not.toMatch(/opacity-0|visibility:\s*hidden/);
    expect(html).toContain('class="poster ');
    expect(html.indexOf('class="poster ')).toBeLessThan(html.indexOf("<img"));
  });

  it("asks for the hero early and first, and leaves card images until they are near the screen", () => {
    const hero = renderToString(<EventImage image={image} title="Hamlet" sizes="100vw" size="hero" priority />);
    expect(hero).toMatch(
      /<link rel="preload"[^>]*href="https:\/\/venue\.blob\.core\.windows\.net\/events\/hamlet\.jpg"/,
    );
    expect(hero).toMatch(/<link rel="preload"[^>]*fetchPriority="high"/);
    expect(hero.match(/<img[^>]*>/)?.[0]).toMatch(/fetchPriority="high"/);
    expect(hero.match(/<img[^>]*>/)?.[0]).not.toContain('loading="lazy"');

    const card = renderToString(<EventImage image={image} title="Hamlet" sizes="20rem" decorative />);
    expect(card).not.toContain('rel="preload"');
    expect(card.match(/<img[^>]*>/)?.[0]).toContain('loading="lazy"');
    expect(card.match(/<img[^>]*>/)?.[0]).toContain('alt=""');
  });

  it("removes an image that fails, leaving the poster", () => {
    const { container } = render(<EventImage image={image} title="Hamlet" sizes="100vw" />);
    fireEvent.error(screen.getByRole("img", { name: "Hamlet holds a skull" }));
    expect(screen.queryByRole("img", { name: "Hamlet holds a skull" })).toBeNull();
    expect(container.querySelector(".poster .poster-initial")?.textContent).toBe("H");
  });
});

describe("posterInitial", () => {
  it("is the first letter or digit of the title, as a capital", () => {
    expect(posterInitial("the 39 Steps")).toBe("T");
    expect(posterInitial("¡Ay, Carmela!")).toBe("A");
    expect(posterInitial("“42nd Street”")).toBe("4");
    expect(posterInitial("élan")).toBe("É");
    expect(posterInitial("e\u0301lan")).toBe("É"); // the accent typed as its own mark
    expect(posterInitial("istanbul")).toBe("I");
    expect(posterInitial("…")).toBe("");
  });
});

describe("an event card without an image", () => {
  it("names the genre once, in its text, and puts no fixed label on the poster", () => {
    const html = renderToString(
      <StaticEventCard
        timeZone="Europe/London"
        event={{
          slug: "laugh-lines",
          sourceId: "1AHGJDSMMPLMPPGPRPQVGDLQHMNBRPQM",
          title: "Laugh Lines",
          subtitle: null,
          genre: "Comedy",
          excerpt: "An evening of stand-up.",
          image: null,
          firstAt: "2026-03-14T19:30:00Z",
          lastAt: "2026-03-14T19:30:00Z",
          performanceCount: 1,
          access: [],
          venues: ["Main House"],
        }}
      />,
    );
    expect(html).toContain('class="poster ');
    expect(html.match(/Comedy/g)).toHaveLength(1);
    // The title once, in the card's heading; the poster carries its initial.
    expect(html.match(/Laugh Lines/g)).toHaveLength(1);
    expect(html).toMatch(/<span class="poster-initial">L<\/span>/);
    // "Live on stage" was wrong on a film's poster.
    expect(html).not.toContain("Live on stage");
  });
});
