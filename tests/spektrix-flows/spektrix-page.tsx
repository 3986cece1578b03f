/**
 * A page's Spektrix context for component tests: the provider the root layout gives every page, with a venue's
 * public settings, and a way to start each test with the tab's live reads empty.
 */
import { render } from "@testing-library/react";
import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { SpektrixProvider } from "@/components/spektrix/spektrix-loader-client";
import { LiveQueries } from "@/components/spektrix/live-queries-client";
import type { SpektrixPublicConfig } from "@/lib/spektrix-flows/config";

export const spektrixConfig = {
  baseUrl: "https://tickets.venue.org",
  origin: "https://tickets.venue.org",
  clientName: "venue",
  customDomain: "tickets.venue.org",
  loaderUrl: "https://tickets.venue.org/webcomponents/stable/spektrix-component-loader.js",
} as SpektrixPublicConfig;

export const boxOffice = { phone: "01234 567890", email: "box@venue.org", hours: "10–6" };

/** Renders `ui` as a page of the site would have it: inside the root layout's Spektrix provider. */
export function renderInPage(ui: ReactNode) {
  return render(
    <SpektrixProvider config={spektrixConfig} boxOffice={boxOffice}>
      {ui}
    </SpektrixProvider>,
  );
}

/**
 * The tab's one QueryClient (components/spektrix/live-queries-client.tsx) outlives a test, as it outlives a page
 * in a real tab: a test that reads the basket or availability starts with it empty.
 */
export function forgetLiveReads(): void {
  function Clear() {
    useQueryClient().clear();
    return null;
  }
  render(
    <LiveQueries>
      <Clear />
    </LiveQueries>,
  ).unmount();
}
