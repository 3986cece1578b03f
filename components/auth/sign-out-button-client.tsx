"use client";

import { useEffect, useState } from "react";
import { signOut } from "next-auth/react";
import { BusyButton } from "@/components/site/busy-button-client";
import { loadSpektrixClient, preloadSpektrixClient, withinTime } from "@/lib/spektrix/load";

export interface SignOutButtonProps {
  spektrix: { baseUrl: string; clientName: string };
  /** Where to land afterwards; a path on this site. */
  callbackUrl?: string;
  className?: string;
  children?: React.ReactNode;
}

/** The longest a visitor waits on Spektrix before the site's own session ends anyway. */
const SPEKTRIX_WAIT_MS = 4_000;

/**
 * Ends both sessions: first this browser's Spektrix session (so the basket and the Spektrix iframes no
 * longer act as the customer), then the site's. Spektrix failing to answer does not keep anyone signed in
 * here: the site session always ends.
 */
export function SignOutButton({
  spektrix,
  callbackUrl = "/",
  className = "btn btn-ghost text-brand",
  children,
}: SignOutButtonProps) {
  const [pending, setPending] = useState(false);
  useEffect(() => {
    preloadSpektrixClient();
  }, []);

  async function onClick() {
    setPending(true);
    // Spektrix unreachable, or its client not downloadable: its session times out on its own; ours must still
    // end now, and within the same bound whether the wait is for the download or for Spektrix.
    const spektrixSignOut = loadSpektrixClient({ ...spektrix, retries: 0, timeoutMs: SPEKTRIX_WAIT_MS }).then((web) =>
      web.deauthenticate(),
    );
    await withinTime(spektrixSignOut, SPEKTRIX_WAIT_MS).catch(() => undefined);
    // No basket refetch here: signOut ends in a full page load, and a read in between would find Spektrix
    // signed out while the site is not yet, which the header's drift check would try to repair.
    await signOut({ callbackUrl });
  }

  return (
    <BusyButton onClick={onClick} busy={pending} className={className}>
      {pending ? "Signing out…" : (children ?? "Sign out")}
    </BusyButton>
  );
}
