import { render } from "@testing-library/react";
import { useQueryClient } from "@tanstack/react-query";
import { LiveQueries } from "@/components/spektrix/live-queries-client";

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
