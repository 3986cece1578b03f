/**
 * JSX typings for the Spektrix web components. They render the light DOM we give them, so children are
 * ordinary markup carrying `data-*` hooks. Attribute names are exactly Spektrix's.
 */
import type { DetailedHTMLProps, HTMLAttributes } from "react";

type Base = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
  "client-name": string;
  "custom-domain"?: string;
  "forward-to"?: string;
};

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "spektrix-basket-summary": Base;
      "spektrix-login-status": Base;
      "spektrix-donate": Base & { "fund-id"?: string; "donation-amount"?: string };
      "spektrix-memberships": Base & { "membership-id"?: string };
      "spektrix-gift-vouchers": Base;
      "spektrix-merchandise": Base & { "merchandise-item-id"?: string; "merchandise-quantity"?: string };
    }
  }
}
