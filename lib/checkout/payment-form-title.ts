/** The payment form's title: its document's and the checkout page's frame's (client-safe, no imports). */
export const PAYMENT_FORM_TITLE = "Secure payment form";
