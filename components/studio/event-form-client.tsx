"use client";

import { useTransition, useState } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { setEventHiddenAction, updateEventAction } from "@/lib/studio/actions/events";
import type { ActionResult } from "@/lib/studio/forms";
import { CheckboxField, errorFor, FormMessage, LockedBadge, TextField } from "./fields";
import { BasedOnField, useStudioForm } from "./studio-form-client";

export function EventForm(props: {
  eventId: number;
  /** Every field of the form as the form holds it (`eventFormValues`). */
  values: Record<string, string>;
  hidden: boolean;
  fields: { name: string; label: string; multiline: boolean }[];
  locked: string[];
  edited: string[];
}) {
  // Locked fields are shown, not sent: the form began with the fields it sends.
  const basedOn = Object.fromEntries(Object.entries(props.values).filter(([name]) => !props.locked.includes(name)));
  const { result, pending, formProps } = useStudioForm(updateEventAction.bind(null, props.eventId), basedOn);
  const [hidden, setHidden] = useState(props.hidden);
  // A save answers with the event's visibility as stored: another tab may have hidden or shown it meanwhile.
  const [answered, setAnswered] = useState(result);
  if (result !== answered) {
    setAnswered(result);
    if (result?.ok && result.data) setHidden(result.data.hidden);
  }
  const [toggleResult, setToggleResult] = useState<ActionResult | null>(null);
  const [toggling, startToggle] = useTransition();
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const locked = new Set(props.locked);
  return (
    <div className="grid gap-6">
      <section
        aria-label="Visibility"
        className="flex flex-wrap items-center gap-4 rounded-[var(--radius-card)] border border-line bg-white p-4"
      >
        <p className="font-semibold">{hidden ? "Hidden from the site" : "Shown on the site"}</p>
        <BusyButton
          className="btn btn-ghost !py-2 text-brand"
          busy={toggling}
          onClick={() =>
            startToggle(async () => {
              const r = await setEventHiddenAction(props.eventId, !hidden);
              setToggleResult(r);
              if (r.ok) setHidden(!hidden);
            })
          }
        >
          {hidden ? "Show on the site" : "Hide from the site"}
        </BusyButton>
        <FormMessage result={toggleResult} />
      </section>
      <form
        {...formProps}
        className="grid gap-5 rounded-[var(--radius-card)] border border-line bg-white p-6"
        noValidate
      >
        <BasedOnField basedOn={basedOn} />
        <fieldset className="grid gap-4">
          <legend className="text-xl font-semibold">Site fields</legend>
          <p className="text-sm text-ink-soft">
            Fields marked “From Spektrix · locked” are written by a locked sync map: change them in Spektrix. Other
            fields you change here are kept by future syncs.
          </p>
          {props.fields.map((f) => {
            const isLocked = locked.has(f.name);
            return (
              <TextField
                key={f.name}
                name={f.name}
                label={f.label}
                defaultValue={props.values[f.name]}
                readOnly={isLocked}
                submit={!isLocked}
                multiline={f.multiline}
                badge={
                  isLocked ? (
                    <LockedBadge />
                  ) : props.edited.includes(f.name) ? (
                    <span className="rounded-full bg-brand-tint px-2 py-0.5 text-xs text-brand">
                      Edited on the site
                    </span>
                  ) : null
                }
                hint={isLocked ? "Comes from Spektrix. Read-only here." : undefined}
                error={errorFor(errors, f.name)}
              />
            );
          })}
        </fieldset>
        <fieldset className="grid gap-4">
          <legend className="text-xl font-semibold">Site-only settings</legend>
          <TextField
            name="bodyOverrideHtml"
            label="Site-only description override (HTML)"
            multiline
            rows={5}
            defaultValue={props.values.bodyOverrideHtml}
            error={errorFor(errors, "bodyOverrideHtml")}
            hint="Shown instead of the Spektrix description. Links and basic formatting only."
          />
          <CheckboxField
            name="published"
            label="Published"
            defaultChecked={props.values.published === "on"}
            hint="Unpublished events are drafts: only the studio preview shows them."
          />
          <TextField
            name="weight"
            label="Weight (higher lists first)"
            defaultValue={props.values.weight}
            error={errorFor(errors, "weight")}
          />
          <TextField
            name="keepLiveUntil"
            label="Keep live until"
            type="date"
            defaultValue={props.values.keepLiveUntil}
            error={errorFor(errors, "keepLiveUntil")}
            hint="Keeps the event page up until this date even if Spektrix drops it or its last performance passes."
          />
        </fieldset>
        <FormMessage result={result} />
        <div>
          <BusyButton type="submit" className="btn btn-primary" busy={pending}>
            {pending ? "Saving…" : "Save event"}
          </BusyButton>
        </div>
      </form>
    </div>
  );
}
