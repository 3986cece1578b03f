"use client";

import { useEffect, useMemo, useState } from "react";
import type { FieldCatalogue } from "@/lib/sync/field-catalogue";
import { fieldPickerItems, NOT_SENT_NOW, searchItems, type FieldPickerScope } from "@/lib/studio/picker-core";
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

  const statusText =
    fields.status === "loading"
      ? "Loading the fields Spektrix sends…"
      : fields.status === "error"
        ? `Could not load the fields Spektrix sends: ${fields.message} Type a name instead.`
        : "";

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
