"use client";

import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ComboBoxStateContext } from "react-aria-components";
import type { FieldCatalogue } from "@/lib/sync/field-catalogue";
import type { FieldErrors } from "@/lib/studio/forms";
import {
  fieldPickerItems,
  listFieldErrors,
  NOT_SENT_NOW,
  searchItems,
  type FieldPickerScope,
} from "@/lib/studio/picker-core";
import { routes } from "@/lib/routes";
import { PickerComboBox } from "./record-picker-client";

/**
 * Pickers of the Spektrix fields and attributes the client's data carries, for sync settings. The list is read
 * once per form (one request, however many pickers); typing a name by hand always works, so an unreachable
 * Spektrix never stops an editor from keeping or changing a setting (the server checks the name's shape).
 */

export type FieldCatalogueState =
  { status: "loading" } | { status: "ready"; catalogue: FieldCatalogue } | { status: "error"; message: string };

/** Reads the field list for the form's pickers. */
export function useFieldCatalogue(): FieldCatalogueState {
  const [state, setState] = useState<FieldCatalogueState>({ status: "loading" });
  useEffect(() => {
    const ac = new AbortController();
    fetch(routes.api.studioSyncFields, { signal: ac.signal, headers: { accept: "application/json" } })
      .then(async (res) => {
        const body = (await res.json().catch(() => ({}))) as FieldCatalogue & { message?: string };
        if (res.ok) setState({ status: "ready", catalogue: body });
        else
          setState({
            status: "error",
            message:
              body.message ??
              (res.status === 403 ? "Your studio session has ended; sign in again." : `It failed (${res.status}).`),
          });
      })
      .catch((error: Error) => {
        if (error.name !== "AbortError")
          setState({ status: "error", message: "Could not reach the studio server. Check your connection." });
      });
    return () => ac.abort();
  }, []);
  return state;
}

export interface SpektrixFieldPickerProps {
  label: string;
  scope: FieldPickerScope;
  value: string;
  onChange: (value: string) => void;
  fields: FieldCatalogueState;
  /** The names these settings held when the form opened: one Spektrix no longer sends stays an option, marked. */
  saved: readonly string[];
  errorMessage?: string;
  description?: string;
}

/** What a picker says about its list while it loads, or why it has none. */
function catalogueStatus(fields: FieldCatalogueState): string {
  return fields.status === "loading"
    ? "Loading the fields Spektrix sends…"
    : fields.status === "error"
      ? `Could not load the fields Spektrix sends: ${fields.message} Type a name instead.`
      : "";
}

/** All a picker's options fit in one list: a client has tens of attributes, not thousands. */
const ALL = 500;

export function SpektrixFieldPicker({
  label,
  scope,
  value,
  onChange,
  fields,
  saved,
  errorMessage,
  description,
}: SpektrixFieldPickerProps) {
  // What the editor is typing to search; cleared on a pick or on leaving, so the list reopens whole.
  const [query, setQuery] = useState("");
  const catalogue = fields.status === "ready" ? fields.catalogue : null;
  const name = value.trim();
  const kept = saved.includes(name);
  const all = useMemo(() => fieldPickerItems(catalogue, scope, kept ? [name] : []), [catalogue, scope, kept, name]);
  const shown = query.trim() === "" ? all : searchItems(all, query, { limit: ALL });
  const current = all.find((item) => item.id === name);
  const collection = current && !shown.includes(current) ? [current, ...shown] : shown;
  // Said once the editor has stopped typing: a half-typed name is not worth a warning.
  const notSent = catalogue !== null && name !== "" && query === "" && (!current || current.missing);

  const statusText = catalogueStatus(fields);

  return (
    <div className="grid gap-1.5">
      <PickerComboBox
        label={label}
        items={collection}
        inputValue={value}
        onInputChange={(text) => {
          setQuery(text);
          onChange(text);
        }}
        selectedKey={current ? current.id : null}
        onSelectionChange={(key) => {
          setQuery("");
          onChange(key);
        }}
        onBlur={() => setQuery("")}
        placeholder={scope === "event-field" ? "name, attribute_Genre…" : "SLCaptioned…"}
        buttonLabel={`Show the fields for ${label}`}
        emptyText={
          fields.status === "ready" ? `No field matches “${query.trim()}”: keep it to use it as typed.` : statusText
        }
        statusText={statusText}
        statusIsError={fields.status === "error"}
        errorMessage={errorMessage}
        description={description}
        allowsCustomValue
      />
      {notSent ? (
        <p className="text-xs text-warning" data-not-sent>
          “{name}” is {NOT_SENT_NOW}: the sync finds nothing there until Spektrix sends it.
        </p>
      ) : null}
    </div>
  );
}

export interface SpektrixFieldListPickerProps {
  label: string;
  scope: Exclude<FieldPickerScope, "event-field">;
  /** The names chosen, in order (a name may sit in the saved data twice; each is its own entry). */
  values: readonly string[];
  onAdd: (name: string) => void;
  onRemove: (index: number) => void;
  fields: FieldCatalogueState;
  /** The names this list held when the form opened: one removed by mistake can be picked again, marked if gone. */
  saved: readonly string[];
  /** The form's errors and the list's path in them (`events.exclude`): each entry's problem is shown by name. */
  errors: FieldErrors;
  path: string;
  description?: string;
  /** Said when the list is empty: what the setting does then. */
  noneChosen: string;
  /** More to edit on an entry (an exclusion's value), inside its tag. */
  renderExtra?: (name: string, index: number) => ReactNode;
}

/**
 * A list of Spektrix attribute names, picked one at a time: the same combobox as the single picker (typing a
 * name and pressing Enter adds it as typed), and a tag per chosen name with its example value, a note when
 * Spektrix does not send it now, and a remove button. Removing moves focus to the next tag's button, or back
 * to the combobox after the last.
 */
export function SpektrixFieldListPicker({
  label,
  scope,
  values,
  onAdd,
  onRemove,
  fields,
  saved,
  errors,
  path,
  description,
  noneChosen,
  renderExtra,
}: SpektrixFieldListPickerProps) {
  const [query, setQuery] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const focusAfterRemove = useRef<number | null>(null);
  const catalogue = fields.status === "ready" ? fields.catalogue : null;
  const all = useMemo(
    () => fieldPickerItems(catalogue, scope, [...saved, ...values]),
    [catalogue, scope, saved, values],
  );
  const chosen = new Set(values);
  const open = all.filter((item) => !chosen.has(item.id));
  const shown = query.trim() === "" ? open : searchItems(open, query, { limit: ALL });
  const problems = listFieldErrors(errors, path, values);
  const statusText = catalogueStatus(fields);

  useEffect(() => {
    const at = focusAfterRemove.current;
    if (at === null || !root.current) return;
    focusAfterRemove.current = null;
    const buttons = root.current.querySelectorAll<HTMLButtonElement>("[data-remove]");
    (buttons[Math.min(at, buttons.length - 1)] ?? root.current.querySelector<HTMLInputElement>("input"))?.focus();
  }, [values.length]);

  const add = (name: string) => {
    const trimmed = name.trim();
    setQuery("");
    if (trimmed !== "" && !chosen.has(trimmed)) onAdd(trimmed);
  };

  return (
    <div ref={root} className="grid content-start gap-1.5" data-field-list={path}>
      <PickerComboBox
        label={label}
        items={shown}
        inputValue={query}
        onInputChange={setQuery}
        selectedKey={null}
        onSelectionChange={add}
        onInputKeyDown={(e) => {
          // The combobox has already handled Enter: it picked a highlighted option, or (none) closed the list.
          if (e.key === "Enter" && !e.currentTarget.getAttribute("aria-activedescendant") && query.trim() !== "") {
            e.preventDefault();
            add(query);
          }
        }}
        placeholder="Add an attribute…"
        buttonLabel={`Show the attributes for ${label}`}
        emptyText={
          fields.status === "ready"
            ? query.trim()
              ? `No attribute matches “${query.trim()}”: press Enter to add it as typed.`
              : "Every attribute Spektrix sends is chosen."
            : statusText
        }
        statusText={statusText}
        statusIsError={fields.status === "error"}
        errorMessage={problems.message}
        errorPath={path}
        description={description}
      >
        <CloseAfterAdd count={values.length} />
      </PickerComboBox>
      {values.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={`${label}: chosen`}>
          {values.map((name, i) => {
            const item = all.find((it) => it.id === name);
            return (
              <li
                key={`${i}-${name}`}
                className={`flex max-w-full flex-wrap items-center gap-x-2 rounded-2xl border bg-paper py-0.5 pr-0.5 pl-3 text-sm ${problems.invalid.has(i) ? "border-danger" : "border-line"}`}
                data-chosen={name}
              >
                <span className="font-mono break-all text-ink">{name}</span>
                {item?.detail ? (
                  <span
                    className={`text-xs ${item.missing ? "text-warning" : "text-ink-soft"}`}
                    data-not-sent={item.missing ? "" : undefined}
                  >
                    {item.detail}
                  </span>
                ) : null}
                {renderExtra?.(name, i)}
                <button
                  type="button"
                  data-remove
                  className="inline-flex size-7 items-center justify-center rounded-full text-ink-soft hover:bg-paper-deep hover:text-danger"
                  onClick={() => {
                    focusAfterRemove.current = i;
                    onRemove(i);
                  }}
                >
                  <span aria-hidden>×</span>
                  <span className="sr-only">
                    Remove {name} from {label}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-xs text-ink-soft">{noneChosen}</p>
      )}
      {values.some((name) => all.find((it) => it.id === name)?.missing) ? (
        <p className="text-xs text-warning">
          A name {NOT_SENT_NOW} finds nothing until Spektrix sends it; remove it if it is gone for good.
        </p>
      ) : null}
    </div>
  );
}

/**
 * Closes the list once a name is added, so the new tag shows (an open list hides the rest of the page from
 * screen readers). Inside the combobox: its effect runs before the combobox's own, which would otherwise reopen
 * the list for the input just cleared.
 */
function CloseAfterAdd({ count }: { count: number }) {
  const state = useContext(ComboBoxStateContext);
  const last = useRef(count);
  useEffect(() => {
    if (count > last.current) state?.close();
    last.current = count;
  }, [count, state]);
  return null;
}
