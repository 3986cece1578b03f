"use client";

/**
 * Log-in status in the header. For a visitor with a site session, `<spektrix-login-status>` reveals the
 * logged-in container and fills in the first name. A visitor without one (the signed-in hint cookie, set
 * beside the httpOnly session by the auth route) gets a plain "Sign in" link and no Spektrix call: asking
 * Spektrix `GET customer` for them would only fetch a 401, logged as an error on every page.
 * Until either is known (or if Spektrix is unreachable), a plain "Account" link stands in, so the header never
 * shows an empty gap.
 */
import { SiteLink } from "@/components/site/site-link-client";
import { useEffect, useRef, useState } from "react";
import { useSignedInHint, useSpektrix, useSpektrixComponent } from "./spektrix-loader-client";
import { PersonIcon } from "@/components/icons";
import { usePathname } from "next/navigation";
import { routes } from "@/lib/routes";

type Props = { accountHref?: string; loginHref?: string };

const linkClass =
  "inline-flex min-h-10 min-w-10 items-center justify-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-2 text-sm font-medium text-ink-soft hover:bg-paper-deep hover:text-ink sm:px-3";
// Phones show the icon alone; the words stay for screen readers.
const word = "sr-only sm:not-sr-only";

export function LoginStatus(props: Props) {
  const { accountPath } = useSpektrix();
  const signedIn = useSignedInHint();
  if (signedIn) return <SpektrixLoginStatus {...props} />;
  const account = props.accountHref ?? accountPath;
  return signedIn === null ? (
    <AccountLink href={account} loading />
  ) : (
    <LogInLink loginHref={props.loginHref} account={account} />
  );
}

/**
 * Where to come back to after signing in from the header: this page's path, unless it is a sign-in page itself.
 * Its query (a filtered what's on) is added by `LogInLink` when the link is about to be followed.
 */
function useReturnPath(): string | null {
  const pathname = usePathname();
  return pathname && !pathname.startsWith(routes.login) && !pathname.startsWith(routes.logout) ? pathname : null;
}

function AccountLink({ href, loading }: { href: string; loading?: boolean }) {
  return (
    <SiteLink href={href} className={linkClass} data-loading-container={loading ? "" : undefined}>
      <PersonIcon />
      <span className={word}>Account</span>
    </SiteLink>
  );
}

function PlainLogInLink({ href, ...intent }: { href: string } & Partial<Record<IntentEvent, () => void>>) {
  return (
    <SiteLink href={href} className={linkClass} {...intent}>
      <PersonIcon />
      <span className={word}>Sign in</span>
    </SiteLink>
  );
}

type IntentEvent = "onMouseEnter" | "onTouchStart" | "onFocus";

/**
 * "Sign in", returning to this page with its query; without a sign-in page, the account's. The query is read from the
 * address bar when a pointer, finger or keyboard focus reaches the link (each comes before the click), not during
 * render: reading it there would make every static page render per request (`useSearchParams`), and filters change
 * it without a navigation.
 */
function LogInLink({ loginHref, account }: { loginHref?: string; account: string }) {
  const returnTo = useReturnPath();
  const [seen, setSeen] = useState<{ path: string; search: string } | null>(null);
  if (!loginHref) return <PlainLogInLink href={account} />;
  const search = seen && seen.path === returnTo ? seen.search : "";
  const href = returnTo ? routes.signInThen(returnTo + search, { login: loginHref }) : loginHref;
  const look = () => setSeen({ path: window.location.pathname, search: window.location.search });
  return <PlainLogInLink href={href} onMouseEnter={look} onTouchStart={look} onFocus={look} />;
}

function SpektrixLoginStatus({ accountHref, loginHref }: Props) {
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
      const shown = [
        ...el.querySelectorAll<HTMLElement>("[data-logged-in-container],[data-logged-out-container]"),
      ].some((c) => c.style.display !== "none");
      setResolved(shown);
    };
    check();
    const observer = new MutationObserver(check);
    observer.observe(el, { attributes: true, subtree: true, attributeFilter: ["style"] });
    return () => observer.disconnect();
  }, [state]);

  return (
    <spektrix-login-status
      ref={elementRef}
      client-name={config.clientName}
      custom-domain={config.customDomain ?? undefined}
      className="contents"
    >
      {!resolved && <AccountLink href={account} loading />}
      <span data-logged-out-container="" style={{ display: "none" }}>
        <LogInLink loginHref={loginHref} account={account} />
      </span>
      <span data-logged-in-container="" style={{ display: "none" }}>
        <SiteLink href={account} className={linkClass} data-testid="login-status-name">
          {/* Phones show no name, so a dot on the icon is what tells signed in from signed out at a glance. */}
          <span className="relative inline-flex">
            <PersonIcon />
            <span
              aria-hidden
              data-testid="signed-in-dot"
              className="absolute -right-0.5 -top-0.5 size-2 rounded-full bg-brand ring-2 ring-paper sm:hidden"
            />
          </span>
          <span className={word}>
            <span className="sr-only">Your account, </span>
            <span aria-hidden>Hi, </span>
            <span data-logged-in-status-customer-first-name="" />
          </span>
        </SiteLink>
      </span>
    </spektrix-login-status>
  );
}
