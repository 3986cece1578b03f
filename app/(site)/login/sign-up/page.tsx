import type { Metadata } from "next";
import { SiteLink } from "@/components/site/site-link-client";
import { FramedFlowPage } from "@/components/spektrix/framed-flow-page";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

/** Accounts are Spektrix customer records, so sign-up is Spektrix's own form (it has bot protection). */
export default function SignUpPage() {
  return (
    <FramedFlowPage parent={{ href: routes.login, label: "Sign in" }} title="Create an account" flow="signUp" narrow>
      One account for tickets, memberships and donations. When you’ve finished,{" "}
      <SiteLink href={routes.login} className="font-semibold text-brand underline-offset-4 hover:underline">
        sign in
      </SiteLink>{" "}
      to see your bookings and check out faster.
    </FramedFlowPage>
  );
}
