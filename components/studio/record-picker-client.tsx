"use client";

import { useEffect, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from "react";
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text, FieldError } from "react-aria-components";
import {
  debounce,
  pickerUrl,
  PICKER_DEBOUNCE_MS,
  PICKER_LABELS,
  type PickedRef,
  type PickerItem,
  type PickerKind,
} from "@/lib/studio/picker-core";
import { countOf } from "@/lib/text/count";

/**
 * A live Spektrix picker: an accessible combobox (react-aria-components) that searches through the studio's
 * server proxy, debounced, with loading / empty / error states announced to screen readers. It stores the id
 * plus a label snapshot, and warns when the picked record no longer exists in Spektrix.
 */

type Status = "idle" | "loading" | "done" | "error";

export interface PickerComboBoxProps {
  label: string;
  /** The options to show, already searched: the combobox does no filtering of its own. */
  items: (PickerItem & { missing?: boolean })[];
  inputValue: string;
  onInputChange: (text: string) => void;
  selectedKey: string | null;
  onSelectionChange: (key: string) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  placeholder: string;
  buttonLabel: string;
  /** Shown in the open list when it has no options. */
  emptyText: string;
  /** Announced politely below the field: loading, counts, problems. */
  statusText: string | null;
  statusIsError?: boolean;
  errorMessage?: string;
  description?: string;
  isRequired?: boolean;
  /** Keep what is typed as the value when it matches no option (a Spektrix field name typed by hand). */
  allowsCustomValue?: boolean;
  /** After the combobox's own keys: Enter that picked no option can add what is typed (a list picker). */
  onInputKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** `data-field-error` on the field's error: the settings path it reports. */
  errorPath?: string;
  /** Rendered inside the combobox, where its state (ComboBoxStateContext) can be read. */
  children?: ReactNode;
}

/**
 * The studio's one combobox (react-aria-components): label, input, list button, description, field error and a
 * live status line. Record pickers search Spektrix through the proxy; field pickers search a list they hold.
 */
export function PickerComboBox(props: PickerComboBoxProps) {
  const statusId = useId();
  return (
    <>
      <ComboBox
        className="grid gap-1"
        items={props.items}
        inputValue={props.inputValue}
        onInputChange={props.onInputChange}
        selectedKey={props.selectedKey}
        onSelectionChange={(key) => {
          if (key !== null) props.onSelectionChange(String(key));
        }}
        onFocus={props.onFocus}
        onBlur={props.onBlur}
        menuTrigger="focus"
        allowsEmptyCollection
        allowsCustomValue={props.allowsCustomValue}
        isInvalid={Boolean(props.errorMessage)}
        isRequired={props.isRequired}
        aria-describedby={statusId}
      >
        <Label className="text-sm font-semibold text-ink">{props.label}</Label>
        {/* The ring goes round the field and its button together; the input itself draws none. */}
        <div className="flex items-stretch rounded-md border border-line bg-white focus-within:border-brand has-[input:focus-visible]:outline-3 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-focus">
          <Input
            className="min-w-0 flex-1 rounded-l-md bg-transparent px-3 py-2 text-ink outline-none"
            placeholder={props.placeholder}
            onKeyDown={props.onInputKeyDown}
          />
          <Button
            className="rounded-r-md border-l border-line px-3 text-ink-soft hover:bg-paper-deep"
            aria-label={props.buttonLabel}
          >
            <span aria-hidden>▾</span>
          </Button>
        </div>
        {props.description ? (
          <Text slot="description" className="text-xs text-ink-soft">
            {props.description}
          </Text>
        ) : null}
        <FieldError className="text-sm text-danger" data-field-error={props.errorPath}>
          {props.errorMessage}
        </FieldError>
        <Popover className="max-h-80 w-(--trigger-width) min-w-72 overflow-auto rounded-md border border-line bg-white shadow-lg">
          <ListBox<PickerItem & { missing?: boolean }>
            className="p-1 outline-none"
            renderEmptyState={() => (
              <p className="px-3 py-2 text-sm text-ink-soft [overflow-wrap:anywhere]">{props.emptyText}</p>
            )}
          >
            {(item) => (
              <ListBoxItem
                id={item.id}
                textValue={item.label}
                className="cursor-pointer rounded px-3 py-2 outline-none data-[focused]:bg-brand-tint data-[selected]:font-semibold"
              >
                <span className="block break-all text-ink">{item.label}</span>
                {item.detail ? (
                  <span className={`block text-xs ${item.missing ? "text-warning" : "text-ink-soft"}`}>
                    {item.detail}
                  </span>
                ) : null}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
        {props.children}
      </ComboBox>
      <p
        id={statusId}
        role="status"
        aria-live="polite"
        className={`text-xs [overflow-wrap:anywhere] ${props.statusIsError ? "text-danger" : "text-ink-soft"}`}
      >
        {props.statusText}
      </p>
    </>
  );
}

export interface RecordPickerProps {
  kind: PickerKind;
  label: string;
  value: PickedRef | null;
  onChange: (value: PickedRef | null) => void;
  /** Field-level message from the server. */
  errorMessage?: string;
  description?: string;
  /** When set, hidden inputs `{name}.id` and `{name}.label` carry the pick in a plain form post. */
  name?: string;
  isRequired?: boolean;
}

export function RecordPicker({
  kind,
  label,
  value,
  onChange,
  errorMessage,
  description,
  name,
  isRequired,
}: RecordPickerProps) {
  const words = PICKER_LABELS[kind];
  const [input, setInput] = useState(value?.label ?? "");
  const [items, setItems] = useState<PickerItem[]>([]);
  const [status, setStatus] = useState<Status>("idle");
  const [problem, setProblem] = useState<string | null>(null);
  // The id Spektrix said no longer exists (a warning shows while it is still the pick).
  const [missingId, setMissingId] = useState<string | null>(null);
  const missing = value !== null && missingId === value.id;

  const run = useMemo(() => {
    const inflight = new Set<AbortController>();
    const debounced = debounce(async (q: string) => {
      for (const old of inflight) old.abort();
      inflight.clear();
      const ac = new AbortController();
      inflight.add(ac);
      try {
        const res = await fetch(pickerUrl(kind, { q }), { signal: ac.signal, headers: { accept: "application/json" } });
        const body = (await res.json().catch(() => ({}))) as { items?: PickerItem[]; message?: string };
        if (ac.signal.aborted) return;
        if (!res.ok) {
          setProblem(
            body.message ??
              (res.status === 403 ? "Your studio session has ended; sign in again." : `Search failed (${res.status}).`),
          );
          setStatus("error");
          setItems([]);
          return;
        }
        setItems(body.items ?? []);
        setProblem(null);
        setStatus("done");
      } catch (error) {
        if ((error as Error).name === "AbortError") return;
        setProblem("Could not reach the studio server. Check your connection and try again.");
        setStatus("error");
      }
    }, PICKER_DEBOUNCE_MS);
    return Object.assign(debounced, { abort: () => inflight.forEach((c) => c.abort()) });
  }, [kind]);
  useEffect(
    () => () => {
      run.cancel();
      run.abort();
    },
    [run],
  );

  // Is the saved pick still in Spektrix?
  useEffect(() => {
    if (!value?.id) return;
    const id = value.id;
    const ac = new AbortController();
    fetch(pickerUrl(kind, { id }), { signal: ac.signal })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { exists?: boolean } | null) => {
        if (body && body.exists === false) setMissingId(id);
      })
      .catch(() => {});
    return () => ac.abort();
  }, [kind, value?.id]);

  const search = (q: string) => {
    setStatus("loading");
    run(q);
  };

  // Keep the current pick in the collection so the combobox can show it before any search.
  const collection =
    value && !items.some((i) => i.id === value.id) ? [{ id: value.id, label: value.label }, ...items] : items;

  const statusText =
    status === "loading"
      ? `Searching ${words.many}…`
      : status === "error"
        ? problem
        : status === "done" && items.length === 0
          ? input.trim()
            ? `No ${words.many} match “${input.trim()}”.`
            : `Spektrix has no ${words.many} yet.`
          : status === "done"
            ? `${countOf(items.length, words.one, words.many)} found.`
            : "";

  return (
    <div className="grid gap-1.5">
      <PickerComboBox
        label={label}
        items={collection}
        inputValue={input}
        onInputChange={(text) => {
          setInput(text);
          if (text !== value?.label) search(text);
        }}
        selectedKey={value?.id ?? null}
        onSelectionChange={(key) => {
          const item = collection.find((i) => i.id === key);
          if (!item) return;
          // The combobox commits its selection again when focus leaves it: the same record is not an edit.
          if (value && item.id === value.id) return setInput(value.label);
          const next: PickedRef = { id: item.id, label: item.label, ...(item.at ? { at: item.at } : {}) };
          setInput(item.label);
          onChange(next);
        }}
        onFocus={() => {
          if (status === "idle" || status === "error") search(input === value?.label ? "" : input);
        }}
        placeholder={`Search ${words.many}`}
        buttonLabel={`Show ${words.many}`}
        emptyText={statusText || `Type to search ${words.many}.`}
        statusText={statusText}
        statusIsError={status === "error"}
        errorMessage={errorMessage}
        description={description}
        isRequired={isRequired}
      />
      {missing && value ? (
        <p role="alert" className="rounded-md border border-warning/40 bg-note px-3 py-2 text-sm text-warning">
          “{value.label}” no longer exists in Spektrix. Choose another {words.one}, or remove this block.
        </p>
      ) : null}
      {value ? (
        <p className="text-xs text-ink-soft">
          Selected: <span className="font-medium text-ink">{value.label}</span>{" "}
          <span className="font-mono">({value.id})</span>{" "}
          <button
            type="button"
            className="underline"
            onClick={() => {
              setInput("");
              onChange(null);
            }}
          >
            Clear
          </button>
        </p>
      ) : null}
      {name ? (
        <>
          <input type="hidden" name={`${name}.id`} value={value?.id ?? ""} />
          <input type="hidden" name={`${name}.label`} value={value?.label ?? ""} />
        </>
      ) : null}
    </div>
  );
}
