import { z } from "zod";
import { plainText } from "@/lib/text/plain-text";

/**
 * What every studio form returns, and the zod pieces they share. Field errors are keyed by the field's path
 * (`blocks.2.fund.id`), the same string the form uses to place the message next to the input.
 */

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = undefined> =
  | {
      ok: true;
      message?: string;
      data?: T;
      /** Fields the save wrote, as the form now shows them (stored clean): the form's new starting point for them. */
      savedAs?: Record<string, string>;
    }
  | {
      ok: false;
      message: string;
      fieldErrors?: FieldErrors;
      /** What the form should show again after a refusal (React resets a form once its action returns). */
      values?: Record<string, string>;
      /** Someone saved the same record since the editor opened it; sending this version back overwrites theirs. */
      conflict?: { version: string };
      /** Fields someone else changed since the form opened, as they read now: the form's new starting point. */
      stale?: Record<string, string>;
    };

/**
 * The form field that carries, as JSON, every field as the form showed it when the editor began (or last saved):
 * what lets the server tell the editor's changes from a stale tab's leftovers (`useStudioForm`'s `trackBase`).
 */
export const BASED_ON_FIELD = "_basedOn";

// Keys are field names; a value is as long as the field (text the sync wrote may be long): the body limit bounds it.
const basedOnSchema = z.record(z.string().max(64), z.string());

/** The form as it began, from a submitted form; null when it is missing or is not one. */
export function basedOnOf(fields: Record<string, string>): Record<string, string> | null {
  const raw = fields[BASED_ON_FIELD];
  if (raw === undefined) return null;
  try {
    const parsed = basedOnSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const FORBIDDEN = {
  ok: false,
  message: "Editors only. Please sign in to the studio again.",
} as const satisfies ActionResult<never>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "(form)";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function invalid(fieldErrors: FieldErrors, message = "Some fields need attention."): ActionResult<never> {
  return { ok: false, message, fieldErrors };
}

/** Optional plain text: empty becomes null. */
export function optionalText(max: number) {
  return plainText(max)
    .nullable()
    .optional()
    .transform((s) => (s === undefined || s === null || s === "" ? null : s));
}

/** An http(s) URL, at most 500 characters, or a site path starting with `/`. */
export function urlOrPath(options: { allowPath?: boolean } = {}) {
  return z
    .string({ error: "must be text" })
    .trim()
    .max(500, { message: "must be at most 500 characters" })
    .refine(
      (s) => {
        if (options.allowPath && /^\/(?!\/)[A-Za-z0-9/_\-.~%?=&]*$/.test(s)) return true;
        try {
          const u = new URL(s);
          return u.protocol === "https:" || u.protocol === "http:";
        } catch {
          return false;
        }
      },
      {
        message: options.allowPath
          ? "must be an https:// address or a path starting with /"
          : "must be an https:// address",
      },
    );
}

export function optionalUrl(options: { allowPath?: boolean } = {}) {
  return z
    .union([z.literal(""), urlOrPath(options)])
    .nullable()
    .optional()
    .transform((s) => (s === undefined || s === null || s === "" ? null : s));
}

/**
 * Reads a FormData into a plain object (last value wins), so zod sees exactly what was submitted. An action can be
 * called with any arguments by anyone who posts to it: anything but a form is null, and the action saves nothing
 * (`NOT_A_FORM`). It is not an empty form, which would read as every checkbox cleared.
 */
export function formObject(form: unknown): Record<string, string> | null {
  if (!(form instanceof FormData)) return null;
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") out[key] = value;
  return out;
}

/** The answer to an action called with something other than its form: nothing was read or saved. */
export const NOT_A_FORM: ActionResult = {
  ok: false,
  message: "This form could not be read. Please reload the page and try again.",
};

/** Parses a JSON field of a form, reporting bad JSON as a field error. */
export function parseJsonField(
  raw: unknown,
  field: string,
): { ok: true; value: unknown } | { ok: false; errors: FieldErrors } {
  if (typeof raw !== "string") return { ok: false, errors: { [field]: ["is missing"] } };
  if (raw.length > 500_000) return { ok: false, errors: { [field]: ["is too large"] } };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, errors: { [field]: ["is not valid JSON"] } };
  }
}
