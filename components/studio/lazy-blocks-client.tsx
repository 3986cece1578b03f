"use client";

/**
 * The interactive blocks an editor may place on a page (donate, membership, gift voucher, shop item, newsletter),
 * each loaded only by a page that shows it. Imported directly, every block's code was in the first load of every
 * editor-built page, whichever blocks it had (ADR 0016). The server still renders each block into the HTML; its
 * code follows, and the block is interactive once it has arrived.
 */
import { lazy, Suspense, type ComponentProps, type ComponentType } from "react";
import type { Donate } from "@/components/spektrix/donate-client";
import type { GiftVoucher } from "@/components/spektrix/gift-voucher-client";
import type { Membership } from "@/components/spektrix/membership-client";
import type { Merchandise } from "@/components/spektrix/merchandise-client";
import type { NewsletterSignUp } from "@/components/site/newsletter-client";

function lazyBlock<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Block = lazy(async () => ({ default: await load() }));
  return function LazyBlock(props: P) {
    return (
      <Suspense fallback={null}>
        <Block {...(props as ComponentProps<typeof Block>)} />
      </Suspense>
    );
  };
}

export const DonateBlock = lazyBlock<ComponentProps<typeof Donate>>(() =>
  import("@/components/spektrix/donate-client").then((m) => m.Donate),
);
export const GiftVoucherBlock = lazyBlock<ComponentProps<typeof GiftVoucher>>(() =>
  import("@/components/spektrix/gift-voucher-client").then((m) => m.GiftVoucher),
);
export const MembershipBlock = lazyBlock<ComponentProps<typeof Membership>>(() =>
  import("@/components/spektrix/membership-client").then((m) => m.Membership),
);
export const MerchandiseBlock = lazyBlock<ComponentProps<typeof Merchandise>>(() =>
  import("@/components/spektrix/merchandise-client").then((m) => m.Merchandise),
);
export const NewsletterBlock = lazyBlock<ComponentProps<typeof NewsletterSignUp>>(() =>
  import("@/components/site/newsletter-client").then((m) => m.NewsletterSignUp),
);
