// Deterministic randomness and Spektrix-shaped ids. Everything derived from the feeds is seeded from the
// entity's own id, so the same fixture always yields the same plans, prices and availability.

export type Rng = () => number;

export function hashString(text: string): number {
  // FNV-1a: tiny and good enough to spread seeds.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function rngFor(seed: string | number): Rng {
  // mulberry32
  let a = typeof seed === "number" ? seed >>> 0 : hashString(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from empty list");
  return item;
}

/** Letters Spektrix uses after the `A` in catalogue ids. */
export const ID_LETTERS = "BCDGHJKLMNPQRSTV";
export const CATALOGUE_ID_LENGTH = 33;

/** `{integer}A{letters}`, 33 characters, like `4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ`. */
export function catalogueId(rng: Rng, leading: number): string {
  const prefix = `${leading}A`;
  let out = prefix;
  while (out.length < CATALOGUE_ID_LENGTH) out += ID_LETTERS[Math.floor(rng() * ID_LETTERS.length)];
  return out;
}

export const CATALOGUE_ID_PATTERN = /^\d+A[BCDGHJKLMNPQRSTV]+$/;

/** Iframes take only the leading integer of a v3 id. */
export function shortId(id: string): string {
  return /^\d+/.exec(id)?.[0] ?? id;
}

const CUSTOMER_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
/** Customer ids look like `I-KS22-363P`. */
export function customerId(rng: Rng): string {
  const block = () =>
    Array.from({ length: 4 }, () => CUSTOMER_CHARS[Math.floor(rng() * CUSTOMER_CHARS.length)]).join("");
  return `I-${block()}-${block()}`;
}

/** Issues fresh catalogue-format ids with increasing leading integers, so ids sort by creation like Spektrix's. */
export class IdFactory {
  private next: number;
  constructor(
    private readonly rng: Rng,
    start = 900001,
  ) {
    this.next = start;
  }
  catalogue(): string {
    const id = catalogueId(this.rng, this.next);
    this.next += 100;
    return id;
  }
  customer(): string {
    return customerId(this.rng);
  }
}

export function money(value: number): number {
  return Math.round(value * 100) / 100;
}
