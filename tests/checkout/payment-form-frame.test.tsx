// @vitest-environment happy-dom
import { act, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SpektrixPayments } from "@/components/checkout/spektrix-payments-client";
import { signedOutPaymentForm } from "@/lib/checkout/payment-form";
import { SIGNED_OUT_MARKER } from "@/lib/checkout/payment-form-title";

const handlers = () => ({
  onCompleted: vi.fn(),
  onCompletedUnconfirmed: vi.fn(),
  onRefused: vi.fn(),
  onNotFound: vi.fn(),
  onError: vi.fn(),
  onUnavailable: vi.fn(),
  onSignedOut: vi.fn(),
});
const props = {
  customDomain: "tickets.venue.org",
  clientName: "venue",
  paymentToken: "tok",
  billingAddressId: "A1",
  storeCard: false,
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the payment form frame", () => {
  it("ends in 'unavailable' when the frame never loads a document, instead of spinning for ever", () => {
    const h = handlers();
    render(<SpektrixPayments {...props} {...h} />);
    act(() => {
      vi.advanceTimersByTime(14_000);
    });
    expect(h.onUnavailable).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(h.onUnavailable).toHaveBeenCalledTimes(1);
    expect(h.onSignedOut).not.toHaveBeenCalled();
  });

  it("serves a visitor whose session ended a marked page only this site may frame, loading nothing", () => {
    const { html, policy } = signedOutPaymentForm();
    expect(html).toContain(`<meta name="payment-form" content="${SIGNED_OUT_MARKER}">`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(html).not.toContain("<script");
  });
});
