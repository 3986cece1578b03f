"use client";

/**
 * Join one membership through `<spektrix-memberships>`: auto-renew choice and an add button. Spektrix allows
 * one of each membership per basket and refuses a membership the customer already holds; both refusals are
 * shown as plain sentences.
 */
import { useId, useRef, useState } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { formatMoney } from "@/lib/spektrix-flows/money";
import { announceBasketChange } from "./basket-events";
import { BoxOfficeNotice } from "./box-office-notice";
import { useSpektrix, useSpektrixComponent, SpektrixThemeStylesheet } from "./spektrix-loader-client";
import {
  ActionMessage,
  HiddenFeedbackHooks,
  actionLabel,
  failMessage,
  useActionStatus,
  useComponentEvents,
} from "./action-status";

export interface MembershipOption {
  id: string;
  name: string;
  price: number | null;
}

export function Membership({ membership, forwardTo }: { membership: MembershipOption; forwardTo?: string }) {
  const { config, boxOffice, basketPath } = useSpektrix();
  const state = useSpektrixComponent("spektrix-memberships");
  const ref = useRef<HTMLElement>(null);
  const ids = useId();
  // Unticked until the visitor ticks it: a renewal charges their card again next year, which needs their
  // express agreement, not a box they failed to notice (ADR 0021).
  const [autoRenew, setAutoRenew] = useState(false);
  const [status, setStatus] = useActionStatus();

  useComponentEvents(ref, {
    onSuccess: () => {
      setStatus({
        kind: "success",
        text: `${membership.name} membership added${autoRenew ? ", renewing automatically each year" : ""}.`,
      });
      announceBasketChange({ source: "web-component" });
    },
    onFail: (detail) =>
      setStatus({
        kind: "error",
        text: failMessage(detail, "We couldn’t add this membership. Please try again, or contact the box office.", {
          duplicate: `${membership.name} membership is already in your basket. You can only add each membership once.`,
        }),
      }),
  });

  if (state === "unavailable")
    return (
      <BoxOfficeNotice compact boxOffice={boxOffice}>
        Joining online is temporarily unavailable. The box office can sign you up.
      </BoxOfficeNotice>
    );
  const busy = state !== "ready" || status.kind === "pending";

  return (
    <>
      <SpektrixThemeStylesheet />
      <spektrix-memberships
        ref={ref}
        client-name={config.clientName}
        custom-domain={config.customDomain ?? undefined}
        membership-id={membership.id}
        forward-to={forwardTo}
        className="block"
      >
        <div className="space-y-3">
          <label className="flex items-center gap-2.5 text-sm font-medium text-ink">
            <input
              type="checkbox"
              data-set-autorenew=""
              checked={autoRenew}
              onChange={(e) => setAutoRenew(e.target.checked)}
              className="h-4 w-4 accent-[var(--color-brand)]"
            />
            Renew automatically each year
          </label>
          <BusyButton
            data-submit-membership=""
            busy={busy}
            aria-describedby={`${ids}-status`}
            onClick={() => setStatus({ kind: "pending" })}
            className="needs-js btn btn-primary w-full"
          >
            {actionLabel(
              state,
              status,
              `Join as ${membership.name}${membership.price ? ` · ${formatMoney(membership.price, { compact: true })}` : ""}`,
            )}
          </BusyButton>
          <ActionMessage id={`${ids}-status`} status={status} basketPath={basketPath} />
          <HiddenFeedbackHooks />
        </div>
      </spektrix-memberships>
    </>
  );
}
