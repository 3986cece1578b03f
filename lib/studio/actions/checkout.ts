"use server";

import { saveGiftAidWording } from "@/lib/checkout/gift-aid-wording";
import { FORBIDDEN, formObject, invalid, NOT_A_FORM, type ActionResult } from "../forms";
import { asEditor } from "../guard";

export async function saveGiftAidWordingAction(_prev: ActionResult | undefined, form: FormData): Promise<ActionResult> {
  return asEditor(async (editor) => {
    const fields = formObject(form);
    if (!fields) return NOT_A_FORM;
    const result = await saveGiftAidWording({ text: fields.giftAidWording }, { by: editor.email });
    if (!result.ok)
      return invalid({ giftAidWording: [result.error] }, "Nothing was saved: the declaration needs attention.");
    return {
      ok: true,
      message: result.changed ? "Saved. Members see this declaration from their next checkout." : "Nothing changed.",
    };
  }, FORBIDDEN);
}
