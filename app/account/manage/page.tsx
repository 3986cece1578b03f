import type { Metadata } from "next";
import Link from "next/link";
import { SpektrixFlow } from "@/components/spektrix/spektrix-flow";
import { requireCustomer } from "@/lib/auth/server";
import { routes } from "@/lib/site";

export const metadata: Metadata = { title: "Manage your account", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Passwords, contact preferences and stored cards are Spektrix's own screens, framed here. */
export default async function ManageAccountPage() {
  await requireCustomer("/account/manage");
  return (
    <div className="container-page py-12 md:py-16">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-soft">
        <Link href={routes.account} className="underline-offset-4 hover:underline">
          My account
        </Link>{" "}
        / Manage
      </nav>
      <h1 className="mt-4 text-4xl font-semibold">Manage your account</h1>
      <p className="mt-4 max-w-2xl text-ink-soft">
        Update your contact details, change your password, choose how we keep in touch, and remove saved cards.
      </p>
      <div className="mt-8">
        <SpektrixFlow flow="myAccount" title="Manage your account" />
      </div>
    </div>
  );
}
