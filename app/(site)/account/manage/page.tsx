import type { Metadata } from "next";
import { FramedFlowPage } from "@/components/spektrix/framed-flow-page";
import { requireCustomer } from "@/lib/auth/server";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Manage your account", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Passwords, contact preferences and stored cards are Spektrix's own screens, framed here. */
export default async function ManageAccountPage() {
  await requireCustomer(routes.accountManage);
  return (
    <FramedFlowPage
      parent={{ href: routes.account, label: "My account" }}
      title="Manage your account"
      crumb="Manage"
      flow="myAccount"
    >
      Update your contact details, change your password, choose how we keep in touch, and remove saved cards.
    </FramedFlowPage>
  );
}
