// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SpektrixProvider, SpektrixThemeStylesheet } from "@/components/spektrix/spektrix-loader-client";
import { VENUE_SPEKTRIX } from "./fixture-config";

const base = VENUE_SPEKTRIX;
const boxOffice = { phone: "01234 567890", email: "box@venue.org", hours: "10–6" };
const SHEET = "https://tickets.venue.org/venue/resources/components.css";

describe("the web components' theme stylesheet", () => {
  it("is linked once in the head, however many components a page renders", () => {
    render(
      <SpektrixProvider config={{ ...base, componentsStylesheetUrl: SHEET }} boxOffice={boxOffice}>
        <SpektrixThemeStylesheet />
        <SpektrixThemeStylesheet />
      </SpektrixProvider>,
    );
    expect(document.head.querySelectorAll(`link[rel="stylesheet"][href="${SHEET}"]`)).toHaveLength(1);
  });

  it("links nothing when the studio sets none", () => {
    const { container } = render(
      <SpektrixProvider config={{ ...base, componentsStylesheetUrl: null }} boxOffice={boxOffice}>
        <SpektrixThemeStylesheet />
      </SpektrixProvider>,
    );
    expect(container.querySelector("link")).toBeNull();
  });
});
