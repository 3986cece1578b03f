import { SiteLink } from "@/components/site/site-link-client";
import type { ActionStatus } from "./spektrix-loader-client";

/** The visible, announced result of adding something to the basket. */
export function ActionMessage({ id, status, basketPath }: { id: string; status: ActionStatus; basketPath: string }) {
  return (
    <div id={id} aria-live="polite" role="status" className="empty:hidden">
      {status.kind === "success" && (
        <p className="rounded-lg border-l-4 border-success bg-white p-3 text-ink">
          {status.text}{" "}
          <SiteLink href={basketPath} className="font-semibold text-brand underline underline-offset-2">
            Go to your basket
          </SiteLink>
        </p>
      )}
      {status.kind === "error" && (
        <p className="rounded-lg border-l-4 border-danger bg-white p-3 text-danger">{status.text}</p>
      )}
    </div>
  );
}

/** Spektrix's own feedback containers. It writes into them; visitors see `ActionMessage` instead. */
export function HiddenFeedbackHooks() {
  return (
    <>
      <div hidden data-success-container="" />
      <div hidden data-fail-container="" />
    </>
  );
}
