"use client";

/**
 * Log-in status in the header through `<spektrix-login-status>`: the component reveals the logged-in or
 * logged-out container and fills in the first name. Until it has (or if Spektrix is unreachable), a plain
 * "Account" link stands in, so the header never shows an empty gap.
 */
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useSpektrix, useSpektrixComponent } from "./spektrix-loader-client";

export function LoginStatus({ accountHref, loginHref }: { accountHref?: string; loginHref?: string }) {
  const { config, accountPath } = useSpektrix();
  const state = useSpektrixComponent("spektrix-login-status");
  const elementRef = useRef<HTMLElement>(null);
  const [resolved, setResolved] = useState(false);
  const account = accountHref ?? accountPath;

  // The component shows one container by clearing its inline display; once it has, drop our stand-in.
  useEffect(() => {
    const el = elementRef.current;
    if (!el || state !== "ready") return;
    const check = () => {
      const shown = [...el.querySelectorAll<HTMLElement>("[data-logged-in-container],[data-logged-out-container]")].some((c) => c.style.display !== "none");
      setResolved(shown);
    };
    check();
    const observer = new MutationObserver(check);
    observer.observe(el, { attributes: true, subtree: true, attributeFilter: ["style"] });
    return () => observer.disconnect();
  }, [state]);

  const linkClass = "inline-flex min-h-10 min-w-10 items-center justify-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-2 text-sm font-medium text-ink-soft hover:bg-paper-deep hover:text-ink sm:px-3";
  // Phones show the icon alone; the words stay for screen readers.
  const word = "sr-only sm:not-sr-only";
  return (
    <spektrix-login-status ref={elementRef} client-name={config.clientName} custom-domain={config.customDomain ?? undefined} className="contents">
      {!resolved && (
        <Link href={account} className={linkClass} data-loading-container="">
          <PersonIcon />
          <span className={word}>Account</span>
        </Link>
      )}
      <span data-logged-out-container="" style={{ display: "none" }}>
        <Link href={loginHref ?? account} className={linkClass}>
          <PersonIcon />
          <span className={word}>Log in</span>
        </Link>
      </span>
      <span data-logged-in-container="" style={{ display: "none" }}>
        <Link href={account} className={linkClass} data-testid="login-status-name">
          <PersonIcon />
          <span className={word}>
            <span className="sr-only">Your account, </span>
            <span aria-hidden>Hi, </span>
            <span data-logged-in-status-customer-first-name="" />
          </span>
        </Link>
      </span>
    </spektrix-login-status>
  );
}

function PersonIcon() {
  return (
    <svg aria-hidden width="17" height="17" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" />
    </svg>
  );
}
