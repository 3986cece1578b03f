import type { Metadata } from "next";
import { AccountPageView } from "@/components/account/account-page";
import { AccountUnavailable } from "@/components/account/account-unavailable";
import { loadAccountView, unlessSpektrixFails } from "@/lib/auth/account-view";
import { requireCustomer } from "@/lib/auth/server";
import { greetingName } from "@/lib/auth/session";
import { accountService } from "@/lib/auth/services";
import { spektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

export const metadata: Metadata = { title: "My account", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireCustomer(routes.account);
  const service = await accountService();
  const site = siteInfo();
  const view = await unlessSpektrixFails(
    () =>
      loadAccountView(user.customerId, {
        getAccount: (id) => service.getAccount(id),
        listOrders: (id, ids, limit) => service.listOrders(id, ids, limit),
        listMembershipTypes: () => service.owner.listMembershipTypes(),
        getPerformance: (id) => service.owner.getPerformance(id),
        getEvent: (id) => service.owner.getEvent(id),
      }),
    "account",
  );
  if (view === "unavailable") return <AccountUnavailable retryHref={routes.account} site={site} />;
  const spektrix = await spektrixPublicConfig();
  const name = greetingName(user) ?? view.customer.firstName;

  return (
    <AccountPageView
      view={view}
      name={name}
      site={site}
      spektrix={{ baseUrl: spektrix.baseUrl, clientName: spektrix.clientName }}
    />
  );
}
