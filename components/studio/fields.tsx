import type { ReactNode } from "react";
import type { ActionResult, FieldErrors } from "@/lib/studio/forms";

/** Plain form fields for studio forms: a label, the input, a hint, and the field's error, all linked by id. */

export const inputClass =
  "w-full rounded-md border border-line bg-white px-3 py-2 text-ink read-only:bg-paper-deep read-only:text-ink-soft aria-[invalid=true]:border-danger";

export function fieldId(name: string) {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export function errorFor(errors: FieldErrors | undefined, name: string): string | undefined {
  return errors?.[name]?.join("; ");
}

export function TextField(props: {
  name: string;
  label: string;
  defaultValue?: string | number | null;
  error?: string;
  hint?: ReactNode;
  readOnly?: boolean;
  multiline?: boolean;
  rows?: number;
  type?: "text" | "email" | "password" | "url" | "number" | "date";
  required?: boolean;
  autoComplete?: string;
  badge?: ReactNode;
  /** False for read-only fields the server must not receive (locked fields). */
  submit?: boolean;
}) {
  const id = fieldId(props.name);
  const describedBy =
    [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: props.submit === false ? undefined : props.name,
    defaultValue: props.defaultValue ?? "",
    readOnly: props.readOnly,
    required: props.required,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy,
    className: inputClass,
  };
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="flex flex-wrap items-center gap-2 text-sm font-semibold text-ink">
        {props.label}
        {props.badge}
      </label>
      {props.multiline ? (
        <textarea rows={props.rows ?? 4} {...common} />
      ) : (
        <input type={props.type ?? "text"} autoComplete={props.autoComplete} {...common} />
      )}
      {props.hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-soft">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className="text-sm text-danger" data-field-error={props.name}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function CheckboxField(props: {
  name: string;
  label: string;
  defaultChecked?: boolean;
  error?: string;
  hint?: string;
}) {
  const id = fieldId(props.name);
  return (
    <div className="grid gap-1">
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          name={props.name}
          defaultChecked={props.defaultChecked}
          className="size-4 accent-brand"
          aria-describedby={props.hint ? `${id}-hint` : undefined}
        />
        <label htmlFor={id} className="text-sm font-semibold text-ink">
          {props.label}
        </label>
      </div>
      {props.hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-soft">
          {props.hint}
        </p>
      ) : null}
      {props.error ? <p className="text-sm text-danger">{props.error}</p> : null}
    </div>
  );
}

/** A page-builder field's hint and error, under it, with the ids its input's `aria-describedby` names. */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-soft">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-err`} className="text-sm text-danger" data-field-error>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function FormMessage({ result }: { result: ActionResult<unknown> | undefined | null }) {
  return (
    <div role="status" aria-live="polite" className="min-h-6">
      {result ? (
        <p
          className={`rounded-md px-3 py-2 text-sm ${result.ok ? "bg-success-tint text-success" : "bg-brand-tint text-danger"}`}
        >
          {result.message}
        </p>
      ) : null}
    </div>
  );
}

export function LockedBadge() {
  return (
    <span className="rounded-full bg-paper-deep px-2 py-0.5 text-xs font-medium text-ink-soft" data-locked>
      From Spektrix · locked
    </span>
  );
}
