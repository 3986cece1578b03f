import { describe, expect, it } from "vitest";
import { z } from "zod";
import { eventSchema, parseResponse, performanceSchema } from "@/lib/spektrix/schemas";
import { buildFieldCatalogue, EXAMPLE_MAX, exampleText } from "@/lib/sync/field-catalogue";
import { EVENT_SOURCE_FIELDS } from "@/lib/sync/settings";
import { toSourceEvent, toSourcePerformance } from "@/lib/sync/spektrix-source";
import { fieldPickerItems, listFieldErrors, NOT_SENT_NOW, searchItems } from "@/lib/studio/picker-core";
import { readJsonFixture, splitEventInstanceRows } from "../spektrix/fixture-data";

/** Real captures through the typed client's schemas and the sync's own name mapping, as the studio reads them. */
function realFeed(file: string) {
  const split = splitEventInstanceRows(readJsonFixture(file));
  const events = parseResponse(z.array(eventSchema), split.events, "GET events (fixture)");
  const performances = parseResponse(z.array(performanceSchema), split.instances, "GET instances (fixture)");
  return { events: events.map(toSourceEvent), performances: performances.map((p) => toSourcePerformance(p)) };
}

describe("the Spektrix field catalogue", () => {
  const feed = realFeed("kaymeekcentre.event-instances.json");
  const catalogue = buildFieldCatalogue(feed);
  const byName = (list: { name: string; example: string | null }[]) => new Map(list.map((f) => [f.name, f.example]));

  it("lists the event fields the sync reads, then every attribute the data carries, with an example", () => {
    const names = catalogue.event.map((f) => f.name);
    expect(names.slice(0, EVENT_SOURCE_FIELDS.length)).toEqual([...EVENT_SOURCE_FIELDS]);
    expect(names.slice(EVENT_SOURCE_FIELDS.length)).toEqual([
      "attribute_Company",
      "attribute_CYOIncluded",
      "attribute_EventUrl",
      "attribute_GalaEvent",
      "attribute_Genre",
      "attribute_KayMeekPresents",
      "attribute_LowestPrice",
      "attribute_Series",
      "attribute_Theatre",
    ]);
    const examples = byName(catalogue.event);
    expect(examples.get("name")).toBe(feed.events[0]!.name);
    expect(examples.get("attribute_Genre")).toBe("Rental");
    expect(examples.get("attribute_Theatre")).toBe("Grosvenor Theatre");
    expect(examples.get("attribute_GalaEvent")).toBe("false");
    // Empty in the first record, filled in a later one.
    expect(examples.get("attribute_Company")).toEqual(expect.any(String));
  });

  it("gives examples as short plain text: venue HTML stripped, long text cut", () => {
    const html = byName(buildFieldCatalogue(realFeed("manitobaopera.event-instances.json")).event).get(
      "htmlDescription",
    )!;
    expect(html).not.toMatch(/[<>]/);
    expect(html.length).toBeLessThanOrEqual(EXAMPLE_MAX + 1);
    expect(exampleText("<p>Two <b>acts</b></p>")).toBe("Two acts");
    expect(exampleText(`${"word ".repeat(40)}`)).toMatch(/…$/);
    expect(exampleText("  ")).toBeNull();
    expect(exampleText(null)).toBeNull();
    expect(exampleText(0)).toBe("0");
  });

  it("lists performance fields and the instance attributes venues flag access with", () => {
    const opera = buildFieldCatalogue(realFeed("manitobaopera.event-instances.json"));
    const names = opera.performance.map((f) => f.name);
    expect(names).toContain("startUtc");
    expect(names).toEqual(
      expect.arrayContaining(["attribute_SLCaptioned", "attribute_SLSigned", "attribute_SLFreeText"]),
    );
    expect(names).not.toContain("venueId");
    expect(byName(opera.performance).get("attribute_SLCaptioned")).toBe("false");
    expect(byName(opera.event).get("attribute_SLExcludeFromViewEventsPage")).toBe("true");
  });

  it("still lists the known fields when Spektrix sends no records", () => {
    const empty = buildFieldCatalogue({ events: [], performances: [] });
    expect(empty.event.map((f) => f.name)).toEqual([...EVENT_SOURCE_FIELDS]);
    expect(empty.event.every((f) => f.example === null)).toBe(true);
  });
});

describe("the options of a field picker", () => {
  const catalogue = buildFieldCatalogue(realFeed("manitobaopera.event-instances.json"));

  it("offers full names for maps and bare attribute names for attribute rules, each with its example", () => {
    const maps = fieldPickerItems(catalogue, "event-field");
    expect(maps.find((i) => i.id === "attribute_PresentedBy")).toEqual({
      id: "attribute_PresentedBy",
      label: "attribute_PresentedBy",
      detail: "e.g. Manitoba Opera",
    });
    expect(maps.some((i) => i.id === "name")).toBe(true);
    const exclusions = fieldPickerItems(catalogue, "event-attribute");
    expect(exclusions.map((i) => i.id)).toContain("SLExcludeFromViewEventsPage");
    expect(exclusions.some((i) => i.id === "name")).toBe(false);
    const access = fieldPickerItems(catalogue, "performance-attribute");
    expect(access.map((i) => i.id)).toContain("SLCaptioned");
    expect(access.some((i) => i.id === "startUtc")).toBe(false);
    // Part of a name finds it, as an editor types it.
    expect(searchItems(access, "capt").map((i) => i.id)).toEqual(["SLCaptioned"]);
  });

  it("keeps a saved name Spektrix no longer sends, marked, never silently dropped", () => {
    const items = fieldPickerItems(catalogue, "performance-attribute", [
      "SLCaptioned",
      "OpenCaptions",
      " ",
      "OpenCaptions",
    ]);
    const gone = items.filter((i) => i.missing);
    expect(gone).toEqual([{ id: "OpenCaptions", label: "OpenCaptions", detail: NOT_SENT_NOW, missing: true }]);
    expect(items.find((i) => i.id === "SLCaptioned")?.missing).toBeUndefined();
  });

  it("without the list (Spektrix unreachable) offers the saved names, unmarked, so they can still be kept", () => {
    expect(fieldPickerItems(null, "event-field", ["attribute_Genre", ""])).toEqual([
      { id: "attribute_Genre", label: "attribute_Genre" },
    ]);
    expect(fieldPickerItems(null, "event-attribute")).toEqual([]);
  });
});

describe("a list setting's errors, at the field that edits the list", () => {
  it("names the entry each problem is about, and leaves other fields' problems out", () => {
    const { message, invalid } = listFieldErrors(
      {
        "events.exclude": ["too many"],
        "events.exclude.1.attribute": ["must be a Spektrix attribute name"],
        "events.excludeMore": ["not this list"],
        "maps.0.source": ["not this field"],
      },
      "events.exclude",
      ["SLExcludeFromViewEventsPage", "has space"],
    );
    expect(message).toBe("too many; “has space” must be a Spektrix attribute name");
    expect([...invalid]).toEqual([1]);
    expect(listFieldErrors({}, "performances.access.bsl", ["SLSigned"])).toEqual({
      message: undefined,
      invalid: new Set(),
    });
  });
});
