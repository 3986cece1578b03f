import { describe, expect, it, vi } from "vitest";
import {
  debounce,
  eventPickerDetail,
  isPickerKind,
  normaliseQuery,
  pickerUrl,
  searchItems,
  TtlCache,
  type PickerItem,
} from "@/lib/studio/picker-core";

const items: PickerItem[] = [
  { id: "3AB", label: "Annual Fund", detail: "ANN" },
  { id: "4AB", label: "Youth Workshops Fund" },
  { id: "5AB", label: "Capital Appeal", detail: "Building" },
];

describe("picker search", () => {
  it("matches every word, in label, detail or id, accent- and case-blind, label-prefix first", () => {
    expect(searchItems(items, "fund").map((i) => i.id)).toEqual(["3AB", "4AB"]);
    expect(searchItems(items, "  YOUTH   fund ").map((i) => i.id)).toEqual(["4AB"]);
    expect(searchItems(items, "building").map((i) => i.id)).toEqual(["5AB"]);
    expect(searchItems(items, "cap").map((i) => i.id)).toEqual(["5AB"]);
    expect(searchItems([{ id: "1AB", label: "Café Concert" }], "cafe").length).toBe(1);
    // The site's one fold (lib/text/fold.ts): what a phone types finds the title as the venue wrote it.
    expect(searchItems([{ id: "2AB", label: "Bach's Long Night" }], "bach’s").length).toBe(1);
    expect(searchItems([{ id: "3AB", label: "Elton – A Tribute" }], "elton - a").length).toBe(1);
    expect(searchItems([{ id: "4AB", label: "Kraków Philharmonic" }], "krakow").length).toBe(1);
    expect(searchItems([{ id: "5AB", label: "Ølstykke Brass" }], "olstykke").length).toBe(1);
    expect(searchItems(items, "nothing-like-it")).toEqual([]);
  });

  it("finds a record by its id behind a long label and detail", () => {
    const id = "269601APDMKCPDNGQRVNPDTDPQSKDHRQS";
    const long: PickerItem = {
      id,
      label: `${"A very long show title ".repeat(4)}— Sat 5 Dec, 7.30pm`,
      detail: "on sale",
    };
    expect(searchItems([long], id).map((i) => i.id)).toEqual([id]);
  });

  it("orders dated records upcoming-first, past last, and caps the page", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const dated: PickerItem[] = [
      { id: "1A", label: "Show", at: "2026-05-01T19:00:00Z" },
      { id: "2A", label: "Show", at: "2026-07-01T19:00:00Z" },
      { id: "3A", label: "Show", at: "2026-06-02T19:00:00Z" },
    ];
    expect(searchItems(dated, "", { now }).map((i) => i.id)).toEqual(["3A", "2A", "1A"]);
    const many = Array.from({ length: 50 }, (_, i) => ({ id: `${i + 1}A`, label: `Item ${i}` }));
    expect(searchItems(many, "")).toHaveLength(20);
  });

  it("normalises queries and builds proxy URLs", () => {
    expect(normaliseQuery("  Héllo\tWORLD ")).toBe("hello world");
    expect(normaliseQuery(42)).toBe("");
    expect(normaliseQuery("x".repeat(500))).toHaveLength(100);
    expect(pickerUrl("fund", { q: "a b" })).toBe("/api/studio/pickers/fund?q=a+b");
    expect(pickerUrl("seating-type", { id: "1AB" })).toBe("/api/studio/pickers/seating-type?id=1AB");
    expect(isPickerKind("fund")).toBe(true);
    expect(isPickerKind("customers")).toBe(false);
  });
});

describe("picker cache", () => {
  it("serves from cache within the TTL and reloads after it", async () => {
    let now = 0;
    const cache = new TtlCache<number>(60_000, () => now);
    const load = vi.fn(async () => 7);
    expect(await cache.getOrLoad("funds", load)).toBe(7);
    now = 59_999;
    expect(await cache.getOrLoad("funds", load)).toBe(7);
    expect(load).toHaveBeenCalledTimes(1);
    now = 60_000;
    await cache.getOrLoad("funds", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("collapses concurrent loads and does not cache failures", async () => {
    const cache = new TtlCache<string>(60_000);
    let resolve!: (v: string) => void;
    const load = vi.fn(() => new Promise<string>((r) => (resolve = r)));
    const a = cache.getOrLoad("k", load);
    const b = cache.getOrLoad("k", load);
    resolve("v");
    expect(await Promise.all([a, b])).toEqual(["v", "v"]);
    expect(load).toHaveBeenCalledTimes(1);
    const failing = vi.fn(async () => {
      throw new Error("down");
    });
    await expect(cache.getOrLoad("bad", failing)).rejects.toThrow("down");
    await expect(cache.getOrLoad("bad", failing)).rejects.toThrow("down");
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it("evicts the oldest entry when full", () => {
    const cache = new TtlCache<number>(60_000, Date.now, 2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("c")).toBe(3);
  });
});

describe("picker debounce", () => {
  it("fires once, 300 ms after the last keystroke, with the latest text", () => {
    vi.useFakeTimers();
    try {
      const fn = vi.fn();
      const d = debounce(fn);
      d("f");
      vi.advanceTimersByTime(200);
      d("fu");
      vi.advanceTimersByTime(200);
      d("fun");
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(299);
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(fn).toHaveBeenCalledTimes(1);
      expect(fn).toHaveBeenCalledWith("fun");
      d("x");
      d.cancel();
      vi.advanceTimersByTime(1000);
      expect(fn).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("an event's picker row", () => {
  const event = {
    instanceDates: "Fri 24 Oct - Sun 2 Nov",
    firstPerformanceUtc: "2031-10-24T18:30:00Z",
    lastPerformanceUtc: "2031-11-02T14:00:00Z",
    isOnSale: true,
  };

  it("gives the run with its year, in the venue's zone", () => {
    expect(eventPickerDetail(event, "Europe/London")).toBe("24 Oct – 2 Nov 2031 · on sale");
    // 02:30 UTC on 1 January is still New Year's Eve in Vancouver.
    const oneNight = { ...event, firstPerformanceUtc: "2032-01-01T02:30:00Z", lastPerformanceUtc: null };
    expect(eventPickerDetail({ ...oneNight, isOnSale: false }, "America/Vancouver")).toBe("31 Dec 2031 · not on sale");
  });

  it("reads Spektrix's local times when it sends no UTC ones, as older systems do", () => {
    const local = {
      ...event,
      firstPerformanceUtc: null,
      lastPerformanceUtc: null,
      instanceDates: "8 December-8 December",
      firstPerformanceLocal: "2026-12-08T23:30:00",
      lastPerformanceLocal: "2026-12-08T23:30:00",
    };
    // The wall-clock day, whatever the venue's zone: late evening stays on the 8th.
    expect(eventPickerDetail(local, "America/Vancouver")).toBe("8 Dec 2026 · on sale");
    expect(eventPickerDetail({ ...local, lastPerformanceLocal: "2027-01-17T14:00:00" }, "Europe/London")).toBe(
      "8 Dec 2026 – 17 Jan 2027 · on sale",
    );
  });

  it("keeps Spektrix's own dates when it gives no instants", () => {
    const undated = { ...event, firstPerformanceUtc: null, lastPerformanceUtc: null };
    expect(eventPickerDetail(undated, "Europe/London")).toBe("Fri 24 Oct - Sun 2 Nov · on sale");
    expect(eventPickerDetail({ ...undated, instanceDates: null }, "Europe/London")).toBe("on sale");
  });
});
