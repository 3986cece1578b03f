import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TheaterEvent, WithContext } from "schema-dts";
import { JsonLd } from "@/components/site/json-ld";
import { performanceJsonLd, serializeJsonLd, splitShared } from "@/lib/seo/json-ld";
import type { PerformanceView } from "@/lib/events/types";

const site = {
  name: "The Lyric Playhouse",
  url: "https://www.lyric.example",
  timeZone: "America/Edmonton",
  address: "215 Stage Door Lane, Calgary, AB",
};
const perf: PerformanceView = {
  id: "2841ABCD",
  startsAt: "2025-12-01T02:30:00.000Z",
  cancelled: false,
  rescheduled: null,
  access: ["captioned"],
  venue: { name: "Studio Theatre", address: "1700 Mathers Avenue", online: false },
  label: null,
  isOnSale: true,
  sellFrom: "2025-10-01T00:00:00.000Z",
  sellUntil: null,
  fromPrice: 25,
};
const event = {
  title: "Tosca",
  description: "Puccini's thriller.",
  image: null,
  durationMinutes: 165,
  cancelled: false,
  slug: "tosca",
};
const build = (p: PerformanceView, e = event) =>
  performanceJsonLd(e, p, {
    site,
    eventUrl: "https://www.lyric.example/events/tosca",
    bookUrl: `https://www.lyric.example/book/${p.id}`,
    now: new Date("2025-11-26T12:00:00Z"),
  });

describe("Event JSON-LD", () => {
  it("puts a show in a building at its address, and a streamed show online, never at the theatre's address", () => {
    const inBuilding = build(perf) as unknown as Record<string, unknown>;
    expect(inBuilding.eventAttendanceMode).toBe("https://schema.org/OfflineEventAttendanceMode");
    // A venue with an address elsewhere is its own place, not named with the theatre.
    expect(inBuilding.location).toEqual({
      "@type": "PerformingArtsTheater",
      name: "Studio Theatre",
      address: { "@type": "PostalAddress", streetAddress: "1700 Mathers Avenue" },
    });
    // A venue whose address Spektrix holds as "Unknown", or on the theatre's own street, is in the theatre's building.
    for (const address of [null, "215 Stage Door Lane"]) {
      const house = build({ ...perf, venue: { name: "Studio Theatre", address, online: false } });
      expect((house as unknown as Record<string, unknown>).location).toMatchObject({
        name: "Studio Theatre, The Lyric Playhouse",
        address: { streetAddress: site.address },
      });
    }
    const streamed = build({ ...perf, venue: { name: "Online", address: null, online: true } });
    const o = streamed as unknown as Record<string, unknown>;
    expect(o.eventAttendanceMode).toBe("https://schema.org/OnlineEventAttendanceMode");
    expect(o.location).toEqual({ "@type": "VirtualLocation", url: "https://www.lyric.example/events/tosca" });
    expect(JSON.stringify(streamed)).not.toContain(site.address);
  });

  it("builds a schema-dts TheaterEvent with offset start, location, offers and status", () => {
    const ld: WithContext<TheaterEvent> = build(perf);
    const o = ld as unknown as Record<string, unknown>;
    expect(o["@type"]).toBe("TheaterEvent");
    expect(o.startDate).toBe("2025-11-30T19:30:00-07:00");
    expect(o.endDate).toBe("2025-11-30T22:15:00-07:00");
    expect(o.eventStatus).toBe("https://schema.org/EventScheduled");
    expect(o.location).toMatchObject({ "@type": "PerformingArtsTheater", name: "Studio Theatre" });
    expect(o.offers).toMatchObject({
      "@type": "Offer",
      availability: "https://schema.org/InStock",
      url: "https://www.lyric.example/book/2841ABCD",
      price: 25,
      priceCurrency: "CAD",
    });
    // No price is invented when the sync has none.
    expect((build({ ...perf, fromPrice: null }) as unknown as { offers: object }).offers).not.toHaveProperty("price");
  });

  it("names the director and the performers from the event's credits", () => {
    const ld = build(perf, {
      ...event,
      credits: [
        { role: "Director", name: "Jane Smith" },
        { role: "Lighting", name: "Sam Lee" },
        { role: null, name: "Riya Patel" },
      ],
    } as typeof event) as unknown as Record<string, unknown>;
    expect(ld.director).toEqual([{ "@type": "Person", name: "Jane Smith" }]);
    expect(ld.performer).toEqual([{ "@type": "Person", name: "Riya Patel" }]);
    expect(build(perf) as unknown as Record<string, unknown>).not.toHaveProperty("director");
  });

  it("marks cancelled and rescheduled performances", () => {
    expect((build({ ...perf, cancelled: true }) as unknown as Record<string, unknown>).eventStatus).toBe(
      "https://schema.org/EventCancelled",
    );
    const moved = build({ ...perf, rescheduled: { from: "2025-11-20T02:30:00.000Z" } }) as unknown as Record<
      string,
      unknown
    >;
    expect(moved.eventStatus).toBe("https://schema.org/EventRescheduled");
    expect(moved.previousStartDate).toBe("2025-11-19T19:30:00-07:00");
  });

  it("cannot be broken out of by a title containing </script>", () => {
    const evil = "</script><script>alert(1)</script><!--";
    const json = serializeJsonLd(build(perf, { ...event, title: evil, description: "a & b \u2028" }));
    expect(json).not.toMatch(/<\/?script|<!--|[<>]/i);
    expect(json).not.toContain("\u2028");
    // Still the same data once parsed.
    expect(JSON.parse(json).name).toBe(evil);
    expect(JSON.parse(json).description).toBe("a & b \u2028");
  });
});

describe("splitShared", () => {
  const perfs: PerformanceView[] = [
    perf,
    { ...perf, id: "2841ABCE", startsAt: "2025-12-02T02:30:00.000Z", cancelled: true },
    {
      ...perf,
      id: "2841ABCF",
      startsAt: "2025-12-03T02:30:00.000Z",
      rescheduled: { from: "2025-11-20T02:30:00.000Z" },
      venue: null,
    },
  ];
  const entries = perfs.map((p) => build(p));

  it("gives back every entry as shared plus its own fields", () => {
    const { shared, own } = splitShared(entries);
    expect(own).toHaveLength(entries.length);
    own.forEach((o, i) => expect({ ...shared, ...o }).toEqual(entries[i]));
  });

  it("shares only fields every entry has with an equal value", () => {
    const { shared, own } = splitShared(entries);
    expect(Object.keys(shared).sort()).toEqual([
      "@context",
      "@type",
      "description",
      "eventAttendanceMode",
      "name",
      "organizer",
      "url",
    ]);
    // Differs per entry (location), or is missing from some (previousStartDate): stays with each entry.
    expect(own[0]).toHaveProperty("location");
    expect(own[0]).not.toHaveProperty("previousStartDate");
    expect(own[2]).toHaveProperty("previousStartDate");
  });

  it("shares everything of a single entry, and nothing of none", () => {
    expect(splitShared([entries[0]!])).toEqual({ shared: entries[0], own: [{}] });
    expect(splitShared([])).toEqual({ shared: {}, own: [] });
  });
});

describe("JsonLd component", () => {
  it("renders one escaped TheaterEvent script per entry", () => {
    const evil = "</script><script>alert(1)</script><!--";
    const { shared, own } = splitShared(
      [perf, { ...perf, id: "2841ABCE", startsAt: "2025-12-02T02:30:00.000Z" }].map((p) =>
        build(p, { ...event, title: evil }),
      ),
    );
    const html = renderToStaticMarkup(createElement(JsonLd, { shared, entries: own }));
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(2);
    expect(html.match(/<script/g)).toHaveLength(2);
    for (const block of blocks) {
      expect(block).not.toMatch(/<\/?script|<!--|[<>]/i);
      const data = JSON.parse(block) as Record<string, unknown>;
      expect(data["@type"]).toBe("TheaterEvent");
      expect(data.name).toBe(evil);
    }
    expect(blocks.map((b) => JSON.parse(b).startDate)).toEqual([
      "2025-11-30T19:30:00-07:00",
      "2025-12-01T19:30:00-07:00",
    ]);
  });
});
