import type { Metadata } from "next";
import { SiteLink } from "@/components/site/site-link-client";
import { FramedFlowPage } from "@/components/spektrix/framed-flow-page";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

/** Passwords live in Spektrix, so resetting one is Spektrix's own flow, framed on our page. */
export default function ForgotPasswordPage() {
  return (
    <FramedFlowPage
      parent={{ href: routes.login, label: "Sign in" }}
      title="Reset your password"
      flow="loginLogout"
      narrow
    >
      Choose <strong className="font-semibold text-ink">Forgotten your password?</strong> below and we’ll e-mail you a
      link to set a new one. Once you’ve set it, come back and{" "}
      <SiteLink href={routes.login} className="font-semibold text-brand underline-offset-4 hover:underline">
        sign in here
      </SiteLink>{" "}
      so your member benefits apply at checkout.
    </FramedFlowPage>
  );
}
