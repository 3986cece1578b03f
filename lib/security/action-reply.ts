/**
 * Whether a server action's arguments are ones React's reply decoder can read. Next decodes them before the action
 * runs, and a reference to a part the body does not hold (`["$Q1"]` sent as text), a part that is not JSON, or a
 * kind of value the decoder cannot build from this body throws there: the visitor gets a 500, or a 200 carrying an
 * error, however well-formed the JSON or the form around it. Action ids are in the site's scripts, so anyone can
 * send one.
 *
 * The check follows the reply format (React's `decodeReply` / `decodeAction`: a root part `0`, strings starting with
 * `$` that name other parts by hexadecimal id) only as far as the site's own calls use it: plain JSON values, forms
 * (`$K`), maps, sets, promises and iterators of parts the body holds, references into a part by path, dates, big
 * integers and the special numbers. It is stricter than React where that is simpler (a part is read once, by one
 * reference, after it in the form; nesting is bounded), and refuses server references, temporary references, files,
 * typed arrays and streams: no form or call of this site sends them. tests/security/action-reply.test.ts checks that
 * what React's own encoder sends for the site's kinds of arguments passes.
 */

/** The body's parts by id: the text body is part 0 alone; a form's parts are its fields, under a prefix. */
export interface ReplyParts {
  get(id: number): string | undefined;
  /** Where a part sits in the body (form order); a part may refer only to parts before it (React reads them in order). */
  order(id: number): number;
}

/** After `$`: values that stand for themselves (`$$` is an escaped `$`; `$K` takes its form fields by name prefix). */
const SELF_CONTAINED = new Set(["$", "K", "I", "-", "N", "u", "D", "H"]);
const HEX = /^[0-9a-f]{1,8}$/i;
/** React's own limit on a big integer's characters (it counts a minus sign as one). */
const BIGINT = /^-?\d+$/;
const MAX_BIGINT_CHARS = 300;
/** Far deeper than any form's arguments; React's decoder recurses, and a few thousand levels overflow its stack. */
const MAX_DEPTH = 64;
/** React refuses a reply whose arrays, with their strings' lengths, add up past a million; this counts the same way. */
const MAX_ARRAY_BUDGET = 1_000_000;

type Use = { id: number; kind: "promise" | "map" | "set" | "iterator" | "model"; path: string[]; from: number };
const COLLECTION_KINDS = { Q: "map", W: "set", i: "iterator" } as const;

/**
 * True when the reply rooted at part 0 decodes: every referenced part exists, is JSON, and decodes in turn, and the
 * root is what its reader takes (`rootIs`: a call's list of arguments, a bound form's metadata).
 */
export function replyDecodes(parts: ReplyParts, rootIs: (root: unknown) => boolean = () => true): boolean {
  const parsed = new Map<number, unknown>();
  const read = (id: number): { ok: true; value: unknown } | { ok: false } => {
    if (parsed.has(id)) return { ok: true, value: parsed.get(id) };
    const text = parts.get(id);
    if (text === undefined) return { ok: false };
    try {
      const value: unknown = JSON.parse(text);
      parsed.set(id, value);
      return { ok: true, value };
    } catch {
      return { ok: false };
    }
  };
  const collections = new Set<number>();
  const walked = new Set<number>();
  const pending: number[] = [0];
  let budget = 0;
  while (pending.length) {
    const id = pending.pop()!;
    if (walked.has(id)) continue;
    walked.add(id);
    const part = read(id);
    if (!part.ok || (id === 0 && !rootIs(part.value))) return false;
    const found = usesIn(part.value, id);
    if (found === null) return false;
    budget += found.budget;
    if (budget > MAX_ARRAY_BUDGET) return false;
    for (const use of found.uses) {
      const target = read(use.id);
      if (!target.ok) return false;
      // A part named by another must have arrived before it (React reads a form's parts in order; the encoder
      // writes the root last); a path into the part being read is fine. Promises may wait for a later part.
      if (use.kind !== "promise" && use.id !== use.from && !(parts.order(use.id) < parts.order(use.from))) return false;
      if (use.kind === "model") {
        if (!pathResolves(target.value, use.path)) return false;
      } else if (use.kind !== "promise") {
        // React turns the part itself into the collection: once, from an array; a map's entries are pairs.
        if (use.id === 0 || collections.has(use.id) || !Array.isArray(target.value)) return false;
        if (use.kind === "map" && !target.value.every((entry) => typeof entry === "object" && entry !== null))
          return false;
        collections.add(use.id);
      }
      pending.push(use.id);
    }
  }
  return true;
}

/**
 * A no-JavaScript form's bound action (`$ACTION_REF_n` with its metadata in `$ACTION_n:0`): the metadata must be an
 * object naming the action, and everything it binds must decode.
 */
export function boundActionDecodes(parts: ReplyParts): boolean {
  return replyDecodes(
    parts,
    (meta) => typeof meta === "object" && meta !== null && typeof (meta as { id?: unknown }).id === "string",
  );
}

/**
 * The references a part's decoded JSON makes, with the array budget it spends, or null when it holds a string the
 * decoder would throw on or nests too deep. Iterative, so a long array cannot overflow this check's own stack.
 */
function usesIn(root: unknown, from: number): { uses: Use[]; budget: number } | null {
  const uses: Use[] = [];
  let budget = 0;
  const stack: { value: unknown; depth: number; inArray: boolean }[] = [{ value: root, depth: 0, inArray: false }];
  while (stack.length) {
    const { value, depth, inArray } = stack.pop()!;
    if (depth > MAX_DEPTH) return null;
    if (typeof value === "string") {
      if (inArray) budget += value.length;
      if (!value.startsWith("$")) continue;
      const use = referenceOf(value, from);
      if (use === null) return null;
      if (use !== undefined) uses.push(use);
    } else if (Array.isArray(value)) {
      budget += value.length;
      for (const v of value) stack.push({ value: v, depth: depth + 1, inArray: true });
    } else if (typeof value === "object" && value !== null) {
      for (const v of Object.values(value)) stack.push({ value: v, depth: depth + 1, inArray: false });
    }
  }
  return { uses, budget };
}

/** For a `$` string: the part it uses, undefined when it uses none, null when the decoder would throw on it. */
function referenceOf(value: string, from: number): Use | undefined | null {
  const kind = value[1] ?? "";
  if (SELF_CONTAINED.has(kind)) return undefined;
  if (kind === "n") {
    const digits = value.slice(2);
    return BIGINT.test(digits) && digits.length <= MAX_BIGINT_CHARS ? undefined : null;
  }
  if (kind === "@" || kind in COLLECTION_KINDS) {
    const id = value.slice(2);
    if (!HEX.test(id)) return null;
    const collection = COLLECTION_KINDS[kind as keyof typeof COLLECTION_KINDS];
    return { id: Number.parseInt(id, 16), kind: collection ?? "promise", path: [], from };
  }
  // A model by id, with a path into it: `$1`, `$1:items:0`. Any other letter is a tag this check does not take
  // (`$h` server reference, `$T` temporary reference, `$B` file, `$A`… typed arrays, `$R` stream), even where
  // it would also read as hexadecimal.
  const [idText = "", ...path] = value.slice(1).split(":");
  if (!/^[0-9]/.test(idText) || !HEX.test(idText)) return null;
  return { id: Number.parseInt(idText, 16), kind: "model", path, from };
}

/** Whether a path of property names leads somewhere in a part (React refuses a reference into nothing). */
function pathResolves(root: unknown, path: readonly string[]): boolean {
  let at: unknown = root;
  for (const key of path) {
    if (typeof at !== "object" || at === null || !Object.hasOwn(at, key)) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * The parts of a form whose field names carry `prefix` (`""` for a call's arguments, `$ACTION_1:` for a bound form).
 * A part sent twice is refused (React keeps the last, this would read the first): it reads as missing.
 */
export function formParts(form: FormData, prefix: string): ReplyParts {
  const keys = [...form.keys()];
  return {
    get: (id) => {
      const values = form.getAll(`${prefix}${id}`);
      return values.length === 1 && typeof values[0] === "string" ? values[0] : undefined;
    },
    order: (id) => keys.indexOf(`${prefix}${id}`),
  };
}

/** The parts of a call sent as text: the root alone. */
export function textParts(text: string): ReplyParts {
  return { get: (id) => (id === 0 ? text : undefined), order: () => 0 };
}
