/**
 * The Gift Aid declaration members agree to at checkout. The venue words it in the studio (Checkout); until an
 * editor does, the site uses a declaration in the form HMRC asks charities to use. Spektrix records only that a
 * declaration was made, so the words shown are the venue's responsibility: every change records who and when.
 */
import { z } from "zod";
import { readSetting, writeSetting } from "@/lib/db/settings";
import type { StoreDb } from "@/lib/db";
import { plainText } from "@/lib/text/plain-text";

export const GIFT_AID_WORDING_KEY = "checkout.gift-aid-wording";

/** Long enough to be a declaration, short enough to read at checkout on a phone. */
export const giftAidWordingField = plainText(1500, { min: 80 });

interface StoredWording {
  text: string;
  by: string;
  at: string;
}

export function defaultGiftAidWording(venueName: string): string {
  return (
    `I want ${venueName} to treat this donation, and any donations I make in the future or have made in the ` +
    "past four years, as Gift Aid donations. I am a UK taxpayer. I understand that if I pay less Income Tax " +
    "and/or Capital Gains Tax in the current tax year than the amount of Gift Aid claimed on all my donations, " +
    "it is my responsibility to pay any difference."
  );
}

export interface GiftAidWording {
  text: string;
  /** Who last changed it and when; null while the default is in use. */
  changed: { by: string; at: string } | null;
}

export async function loadGiftAidWording(venueName: string, database?: StoreDb): Promise<GiftAidWording> {
  const stored = await readSetting<Partial<StoredWording>>(GIFT_AID_WORDING_KEY, database);
  const text = giftAidWordingField.safeParse(stored?.text);
  if (!text.success || typeof stored?.by !== "string" || typeof stored.at !== "string")
    return { text: defaultGiftAidWording(venueName), changed: null };
  return { text: text.data, changed: { by: stored.by, at: stored.at } };
}

export async function saveGiftAidWording(
  input: unknown,
  who: { by: string; now?: Date },
  database?: StoreDb,
): Promise<{ ok: true; changed: boolean } | { ok: false; error: string }> {
  const parsed = z.object({ text: giftAidWordingField }).safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "is not valid" };
  const current = await readSetting<Partial<StoredWording>>(GIFT_AID_WORDING_KEY, database);
  if (current?.text === parsed.data.text) return { ok: true, changed: false };
  const value: StoredWording = { text: parsed.data.text, by: who.by, at: (who.now ?? new Date()).toISOString() };
  await writeSetting(GIFT_AID_WORDING_KEY, value, database);
  return { ok: true, changed: true };
}
