/** The payment form's title: its document's and the checkout page's frame's (client-safe, no imports). */
export const PAYMENT_FORM_TITLE = "Secure payment form";

/** The marker of the payment form served to a visitor whose session ended (the checkout page reads it). */
export const SIGNED_OUT_MARKER = "signed-out";
