import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ConfirmationChecking, ConfirmationView } from "@/components/checkout/confirmation-view";
import { getSiteSession } from "@/lib/auth/server";
import { greetingName } from "@/lib/auth/session";
import { accountService } from "@/lib/auth/services";
import { confirmationOutcome, isJustPlaced } from "@/lib/checkout/confirmation";
import { loadItemNames } from "@/lib/spektrix-flows/basket-labels";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

export const metadata: Metadata = { title: "Order confirmed", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ orderId: string }> };

export default async function ConfirmationPage({ params }: Props) {
  const { orderId } = await params;
  const session = await getSiteSession();
  if (!session) redirect(routes.signInThen(routes.confirmation(orderId)));

  // Owner-mode read; another customer's order is "not found", exactly like a missing one.
  const names = loadItemNames(); // beside the order read: only the lines that are not tickets need them
  const outcome = await confirmationOutcome({ session, orderId }, (await accountService()).owner, names);
  if (outcome.kind === "notFound") notFound();
  if (outcome.kind === "checking") return <ConfirmationChecking orderId={orderId} site={siteInfo()} />;
  return (
    <ConfirmationView
      confirmation={outcome.confirmation}
      justPlaced={isJustPlaced(outcome.confirmation.placedUtc, new Date())}
      name={greetingName(session)}
      email={session.email ?? null}
      site={siteInfo()}
    />
  );
}
