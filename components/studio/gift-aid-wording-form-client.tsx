"use client";

import { BusyButton } from "@/components/site/busy-button-client";
import { saveGiftAidWordingAction } from "@/lib/studio/actions/checkout";
import { errorFor, FormMessage, TextField } from "./fields";
import { useStudioForm } from "./studio-form-client";

export function GiftAidWordingForm({ text }: { text: string }) {
  const { result, pending, formProps } = useStudioForm(saveGiftAidWordingAction);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <form {...formProps} className="grid gap-4 rounded-[var(--radius-card)] border border-line bg-white p-6" noValidate>
      <TextField
        name="giftAidWording"
        label="Gift Aid declaration"
        multiline
        rows={6}
        defaultValue={text}
        error={errorFor(errors, "giftAidWording")}
        hint="Plain text, 80 to 1,500 characters. Shown beside the tick box a member uses to declare; Spektrix records that they declared, not these words."
      />
      <div className="flex flex-wrap items-center gap-4">
        <BusyButton type="submit" className="btn btn-primary" busy={pending}>
          {pending ? "Saving…" : "Save declaration"}
        </BusyButton>
        <FormMessage result={result} />
      </div>
    </form>
  );
}
