/** The studio's menu marks the page the editor is on, the most specific item winning. */
import { describe, expect, it } from "vitest";
import { currentStudioItem } from "@/components/studio/studio-nav-client";

const items = [
  { href: "/studio", label: "Overview" },
  { href: "/studio/sync", label: "Sync runs" },
  { href: "/studio/sync/settings", label: "Sync settings" },
  { href: "/studio/events", label: "Events" },
];

describe("currentStudioItem", () => {
  it.each([
    ["/studio", "/studio"],
    ["/studio/sync", "/studio/sync"],
    ["/studio/sync/settings", "/studio/sync/settings"],
    ["/studio/events/12", "/studio/events"],
    // A prefix of a word is not a section: /studio/eventsx is not Events.
    ["/studio/eventsx", "/studio"],
    ["/elsewhere", null],
  ])("%s → %s", (path, expected) => {
    expect(currentStudioItem(items, path)).toBe(expected);
  });
});
