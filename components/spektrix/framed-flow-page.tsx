import { SiteLink } from "@/components/site/site-link-client";
import type { ReactNode } from "react";
import { SpektrixFlow } from "./spektrix-flow";

/**
 * A page that is one Spektrix flow framed under our own heading (sign-up, password reset, account settings):
 * a breadcrumb back to the page it belongs to, the title, a line of intro, then the themed iframe.
 */
export function FramedFlowPage({
  parent,
  title,
  crumb = title,
  flow,
  narrow = false,
  children,
}: {
  parent: { href: string; label: string };
  title: string;
  /** The breadcrumb's last step, when shorter than the title. */
  crumb?: string;
  flow: string;
  /** Keep the frame to reading width, for short forms. */
  narrow?: boolean;
  /** The intro paragraph's content. */
  children: ReactNode;
}) {
  return (
    <div className="container-page py-12 md:py-16">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-soft">
        <SiteLink href={parent.href} className="underline-offset-4 hover:underline">
          {parent.label}
        </SiteLink>{" "}
        {`/ ${crumb}`}
      </nav>
      <h1 className="mt-4 text-4xl font-semibold">{title}</h1>
      <p className="mt-4 max-w-2xl text-ink-soft">{children}</p>
      <div className={narrow ? "mt-8 max-w-3xl" : "mt-8"}>
        <SpektrixFlow flow={flow} title={title} />
      </div>
    </div>
  );
}
