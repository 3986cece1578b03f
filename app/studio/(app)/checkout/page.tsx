import type { Metadata } from "next";
import { GiftAidWordingForm } from "@/components/studio/gift-aid-wording-form-client";
import { loadGiftAidWording } from "@/lib/checkout/gift-aid-wording";
import { requireEditorPage } from "@/lib/studio/guard";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";
import { formatWhen } from "@/lib/studio/format";

export const metadata: Metadata = { title: "Checkout" };
export const dynamic = "force-dynamic";

export default async function StudioCheckoutPage() {
  await requireEditorPage(routes.studio.checkout);
  const wording = await loadGiftAidWording(siteInfo().name);
  return (
    <div className="grid grid-cols-1 gap-8">
      <header>
        <h1 className="text-4xl font-semibold">Checkout</h1>
        <p className="mt-2 text-ink-soft">
          What members read at checkout. The Gift Aid declaration appears only when Spektrix says the member has no
          declaration yet and their basket holds a donation (Spektrix turns Gift Aid on for UK venues).
        </p>
        <p className="mt-2 text-sm text-ink-soft">
          {wording.changed
            ? `Last changed by ${wording.changed.by}, ${formatWhen(wording.changed.at, siteInfo().timeZone)}.`
            : "The standard declaration is in use; change it if your charity’s wording differs."}
        </p>
      </header>
      <GiftAidWordingForm text={wording.text} />
    </div>
  );
}
