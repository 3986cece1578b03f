/**
 * Whether a server action's arguments are ones React's reply decoder can read. Next decodes them before the action
 * runs, and a reference to a part the body does not hold (`["$Q1"]` sent as text), a part that is not JSON, or a
 * kind of value the decoder cannot build from this body throws there: the visitor gets a 500, or a 200 carrying an
 * error, however well-formed the JSON or the form around it. Action ids are in the site's scripts, so anyone can
 * send one.
 *
 * The check follows the reply format (React's `decodeReply` / `decodeAction`: a root part `0`, strings starting with
 * `$` that name other parts by hexadecimal id) only as far as the site's own calls use it: plain JSON values, forms
 * (`$K`), maps, sets, promises and iterators of parts the body holds, dates, big integers and the special numbers.
 * Server references, files, typed arrays and streams are refused: no form or call of this site sends them.
 */

/** The body's parts by id: the text body is part 0 alone; a form's parts are its fields, under a prefix. */
export type ReplyParts = (id: number) => string | undefined;

/** After `$`: values that stand for themselves (`$$` is an escaped `$`; `$K` takes its form fields by name prefix). */
const SELF_CONTAINED = new Set(["$", "K", "T", "I", "-", "N", "u", "D", "H"]);
/** After `$`: a part referenced by the hexadecimal id that follows (a promise, a map, a set, an iterator). */
const PART_REFERENCES = new Set(["@", "Q", "W", "i"]);
const HEX = /^[0-9a-f]+$/i;
/** React's own limit on a big integer's digits. */
const BIGINT = /^-?\d{1,300}$/;

/** True when the reply rooted at part 0 decodes: every referenced part exists, is JSON, and decodes in turn. */
export function replyDecodes(parts: ReplyParts): boolean {
  const seen = new Set<number>();
  const pending = [0];
  while (pending.length) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const text = parts(id);
    if (text === undefined) return false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return false;
    }
    const referenced = referencesIn(value);
    if (referenced === null) return false;
    pending.push(...referenced);
  }
  return true;
}

/**
 * A no-JavaScript form's bound action (`$ACTION_REF_n` with its metadata in `$ACTION_n:0`): the metadata must be an
 * object naming the action, and everything it binds must decode.
 */
export function boundActionDecodes(parts: ReplyParts): boolean {
  const root = parts(0);
  if (root === undefined) return false;
  try {
    const meta: unknown = JSON.parse(root);
    if (typeof meta !== "object" || meta === null || typeof (meta as { id?: unknown }).id !== "string") return false;
  } catch {
    return false;
  }
  return replyDecodes(parts);
}

/** The part ids a decoded JSON value refers to, or null when it holds a string the decoder would throw on. */
function referencesIn(root: unknown): number[] | null {
  const ids: number[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value === "string") {
      if (!value.startsWith("$")) continue;
      const id = referenceOf(value);
      if (id === null) return null;
      if (id !== undefined) ids.push(id);
    } else if (Array.isArray(value)) stack.push(...value);
    else if (typeof value === "object" && value !== null) stack.push(...Object.values(value));
  }
  return ids;
}

/** For a `$` string: the part it references, undefined when it references none, null when it cannot decode. */
function referenceOf(value: string): number | undefined | null {
  const kind = value[1] ?? "";
  if (SELF_CONTAINED.has(kind)) return undefined;
  if (kind === "n") return BIGINT.test(value.slice(2)) ? undefined : null;
  // A part by id, with a path into it after a colon: `$1`, `$1:items:0`, `$Q2`.
  const idText = (PART_REFERENCES.has(kind) ? value.slice(2) : value.slice(1)).split(":", 1)[0]!;
  if (!HEX.test(idText) || idText.length > 8) return null;
  return Number.parseInt(idText, 16);
}

/** The parts of a form whose field names carry `prefix` (`""` for a call's arguments, `$ACTION_1:` for a bound form). */
export function formParts(form: FormData, prefix: string): ReplyParts {
  return (id) => {
    const value = form.get(`${prefix}${id}`);
    return typeof value === "string" ? value : undefined;
  };
}
