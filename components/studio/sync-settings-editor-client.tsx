"use client";

import { useId, useRef, useState, useTransition } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { previewSyncSettingsAction, saveSyncSettingsAction } from "@/lib/studio/actions/sync";
import type { ActionResult, FieldErrors } from "@/lib/studio/forms";
import type { PickedRef } from "@/lib/studio/picker-core";
import type { PreviewResult } from "@/lib/studio/sync";
import { display } from "@/lib/studio/format";
import { FormMessage, inputClass } from "./fields";
import { ACCESS_FILTERS, ACCESS_LABELS, type AccessFilter } from "@/lib/events/filters";
import { RecordPicker } from "./record-picker-client";
import { StaleChoices } from "./stale-choices-client";
import { focusAfterRender } from "@/components/site/focus";
import { routes } from "@/lib/routes";
import { SpektrixFieldListPicker, SpektrixFieldPicker, useFieldCatalogue } from "./spektrix-field-picker-client";
import { useWarnBeforeLeaving } from "./unsaved-changes-client";

/** As saved: a value the editor has not touched keeps its type (a number or a yes/no set outside the studio). */
type Exclusion = { attribute: string; equals?: string | number | boolean };
type VenueName = { spektrix: string; site: string };

type Settings = Record<string, unknown> & {
  events: { newEvents: string; slugRule: string; take: string; exclude: Exclusion[] } & Record<string, unknown>;
  performances: {
    visibility: string;
    titleOverrideAttribute: string | null;
    access: Record<AccessFilter, string[]>;
  } & Record<string, unknown>;
  maps: { source: string; target: string; transform: string; mode: string }[];
  display: { hiddenGenres: string[]; venueNames: VenueName[] };
  schedule: { enabled: boolean; everyMinutes: number | string };
};

interface Options {
  targets: string[];
  transforms: string[];
  modes: string[];
  targetTransforms: Record<string, string[]>;
  /** Spektrix's names for the venues of the client in use. */
  venues: string[];
  /** Spektrix's names for the venues of clients the site used before, by client (their renames wait for them). */
  keptVenues?: { client: string; names: string[] }[];
}

const MODE_HELP: Record<string, string> = {
  locked: "Spektrix always wins; editors cannot change the field.",
  "fill-if-empty": "Filled from Spektrix while empty; editors' changes are kept.",
  editable: "Set once when the event arrives; editors own it after.",
};

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: string[];
  onChange: (v: string) => void;
  error?: string;
  hideLabel?: boolean;
}) {
  return (
    <div className="grid gap-1">
      <label htmlFor={props.id} className={props.hideLabel ? "sr-only" : "text-sm font-semibold"}>
        {props.label}
      </label>
      <select
        id={props.id}
        className={inputClass}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-err` : undefined}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      {props.error ? (
        <p id={`${props.id}-err`} className="text-sm text-danger" data-field-error>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

const splitList = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** "Spektrix name = Site name" per line ⇄ [{ spektrix, site }]; a line without "=" keeps an empty site name, so it is flagged. */
const venueNamesToText = (list: VenueName[]) => list.map((v) => `${v.spektrix} = ${v.site}`).join("\n");
const textToVenueNames = (text: string): VenueName[] =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.lastIndexOf("=");
      return at < 0
        ? { spektrix: line, site: "" }
        : { spektrix: line.slice(0, at).trim(), site: line.slice(at + 1).trim() };
    });

/** The venue renames, one per line, with each problem named by its line. */
function VenueNamesField(props: {
  id: string;
  initial: string;
  venues: string[];
  keptVenues: { client: string; names: string[] }[];
  onChange: (text: string) => void;
  errors: FieldErrors;
}) {
  const [text, setText] = useState(props.initial);
  const messages = Object.entries(props.errors)
    .filter(([key]) => key.startsWith("display.venueNames"))
    .map(([key, m]) => {
      const line = /^display\.venueNames\.(\d+)/.exec(key)?.[1];
      return `${line === undefined ? "" : `Line ${Number(line) + 1}: `}${m.join("; ")}`;
    });
  return (
    <div className="grid gap-1">
      <label htmlFor={props.id} className="text-sm font-semibold">
        Venue names on the site
      </label>
      <textarea
        id={props.id}
        rows={4}
        className={`${inputClass} font-mono text-sm`}
        value={text}
        placeholder="Studio TM ID: 61 = The Studio"
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(e.target.value);
        }}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={`${props.id}-hint${messages.length ? ` ${props.id}-err` : ""}`}
      />
      <p id={`${props.id}-hint`} className="text-xs text-ink-soft">
        One per line: the name Spektrix sends, “=”, the name visitors see. Give a house’s seating areas one name and the
        venue filter lists it once. Applied by the next sync. Spektrix’s names for the venues synced so far:{" "}
        {props.venues.length ? props.venues.join(" · ") : "none yet"}.
        {props.keptVenues.map((kept) => (
          <span key={kept.client}>
            {" "}
            Kept from {kept.client} (its names apply again when the connection returns to it): {kept.names.join(" · ")}.
          </span>
        ))}
      </p>
      {messages.length ? (
        <p id={`${props.id}-err`} className="text-sm text-danger" data-field-error="display.venueNames">
          {messages.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A comma-separated list kept as typed (so a trailing comma survives) and parsed into settings on each change. */
function ListField(props: {
  id: string;
  label: string;
  hint?: string;
  initial: string;
  onChange: (text: string) => void;
  errors: FieldErrors;
  path: string;
}) {
  const [text, setText] = useState(props.initial);
  const messages = Object.entries(props.errors)
    .filter(([key]) => key === props.path || key.startsWith(`${props.path}.`))
    .flatMap(([, m]) => m);
  return (
    <div className="grid gap-1">
      <label htmlFor={props.id} className="text-sm font-semibold">
        {props.label}
      </label>
      <input
        id={props.id}
        className={inputClass}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(e.target.value);
        }}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={
          [props.hint ? `${props.id}-hint` : null, messages.length ? `${props.id}-err` : null]
            .filter(Boolean)
            .join(" ") || undefined
        }
      />
      {props.hint ? (
        <p id={`${props.id}-hint`} className="text-xs text-ink-soft">
          {props.hint}
        </p>
      ) : null}
      {messages.length ? (
        <p id={`${props.id}-err`} className="text-sm text-danger" data-field-error={props.path}>
          {messages.join("; ")}
        </p>
      ) : null}
    </div>
  );
}

/** A setting's messages; `id` is what the field's `aria-describedby` names, so the message is read with it. */
function Err({ errors, path, id }: { errors: FieldErrors; path: string; id?: string }) {
  const e = errors[path];
  return e ? (
    <p id={id} className="text-sm text-danger" data-field-error={path}>
      {e.join("; ")}
    </p>
  ) : null;
}

/** The settings as the save action takes them: the schedule's minutes as a number, no title attribute as null. */
function settingsPayload(settings: Settings): string {
  const s = structuredClone(settings);
  const n = Number(s.schedule.everyMinutes);
  s.schedule.everyMinutes =
    String(s.schedule.everyMinutes).trim() !== "" && Number.isFinite(n) ? n : s.schedule.everyMinutes;
  if (s.performances.titleOverrideAttribute === "") s.performances.titleOverrideAttribute = null;
  return JSON.stringify(s);
}

export function SyncSettingsEditor({
  initial,
  version,
  options,
}: {
  initial: unknown;
  /** The version in force when the page opened (0: the defaults): a save sends it back. */
  version: number;
  options: Options;
}) {
  const basedOn = useRef(version);
  const base = useId();
  const [settings, setSettings] = useState<Settings>(() => structuredClone(initial) as Settings);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [previewEvent, setPreviewEvent] = useState<PickedRef | null>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [saving, startSave] = useTransition();
  const [previewing, startPreview] = useTransition();
  const fields = useFieldCatalogue();
  // The names saved when the form opened: a picker keeps one Spektrix no longer sends, marked, not dropped.
  const [saved] = useState(() => {
    const s = initial as Settings;
    return {
      sources: s.maps.map((m) => m.source),
      instanceAttributes: [s.performances.titleOverrideAttribute ?? ""],
      excluded: s.events.exclude.map((e) => e.attribute),
      access: s.performances.access,
    };
  });

  const update = (fn: (s: Settings) => void) =>
    setSettings((prev) => {
      const next = structuredClone(prev);
      fn(next);
      return next;
    });
  const err = (path: string) => errors[path]?.join("; ");
  // Removing an entry moves the ones after it: the errors the list had no longer point at the right entries.
  const removeFrom = (path: string, edit: (s: Settings) => void) => {
    update(edit);
    setErrors((prev) =>
      Object.fromEntries(Object.entries(prev).filter(([key]) => key !== path && !key.startsWith(`${path}.`))),
    );
  };

  const payload = () => settingsPayload(settings);
  // What the store holds, as it would be sent: leaving with anything else asks first.
  const [savedPayload, setSavedPayload] = useState(() => settingsPayload(initial as Settings));
  useWarnBeforeLeaving(payload() !== savedPayload);
  // A save sends the version this page began from; after someone else's, only a deliberate replace goes through.
  const save = (over = basedOn.current, then?: () => void) =>
    startSave(async () => {
      const sent = payload();
      const r = await saveSyncSettingsAction(sent, over);
      if (r.ok) {
        setSavedPayload(sent);
        if (r.data) basedOn.current = r.data.version;
      }
      setResult(r);
      setErrors(r.ok ? {} : (r.fieldErrors ?? {}));
      then?.();
    });

  return (
    <div className="grid gap-8">
      <section
        aria-labelledby={`${base}-events`}
        className="grid gap-4 rounded-[var(--radius-card)] border border-line bg-white p-6"
      >
        <h2 id={`${base}-events`} className="text-xl font-semibold">
          Default event settings
        </h2>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Select
            id={`${base}-newEvents`}
            label="New events appear as"
            value={settings.events.newEvents}
            options={["published", "draft"]}
            onChange={(v) => update((s) => void (s.events.newEvents = v))}
            error={err("events.newEvents")}
          />
          <Select
            id={`${base}-slugRule`}
            label="Web address (slug) from"
            value={settings.events.slugRule}
            options={["webEventId", "name", "id"]}
            onChange={(v) => update((s) => void (s.events.slugRule = v))}
            error={err("events.slugRule")}
          />
          <Select
            id={`${base}-take`}
            label="Take which events"
            value={settings.events.take}
            options={["all", "onSale", "withFuturePerformances"]}
            onChange={(v) => update((s) => void (s.events.take = v))}
            error={err("events.take")}
          />
        </div>
        <SpektrixFieldListPicker
          label="Leave out events flagged by these attributes"
          scope="event-attribute"
          values={settings.events.exclude.map((e) => e.attribute)}
          onAdd={(name) => update((s) => void s.events.exclude.push({ attribute: name }))}
          onRemove={(i) => removeFrom("events.exclude", (s) => void s.events.exclude.splice(i, 1))}
          fields={fields}
          saved={saved.excluded}
          errors={errors}
          path="events.exclude"
          description="Event attributes. An event is left out when the attribute is set, or, with a value, when it equals that value (any case)."
          noneChosen="None chosen: no event is left out for an attribute."
          renderExtra={(name, i) => (
            <span className="flex items-center gap-1.5">
              <label htmlFor={`${base}-exclude-${i}-equals`} className="text-xs text-ink-soft">
                <span className="sr-only">{name}: </span>equals
              </label>
              <input
                id={`${base}-exclude-${i}-equals`}
                className={`${inputClass} !w-28 !py-0.5 text-sm`}
                placeholder="any value"
                value={String(settings.events.exclude[i]?.equals ?? "")}
                onChange={(e) =>
                  update((s) => {
                    const rule = s.events.exclude[i]!;
                    if (e.target.value === "") delete rule.equals;
                    else rule.equals = e.target.value;
                  })
                }
              />
            </span>
          )}
        />
      </section>

      <section
        aria-labelledby={`${base}-perf`}
        className="grid gap-4 rounded-[var(--radius-card)] border border-line bg-white p-6"
      >
        <h2 id={`${base}-perf`} className="text-xl font-semibold">
          Default performance settings
        </h2>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Select
            id={`${base}-visibility`}
            label="New performances are"
            value={settings.performances.visibility}
            options={["visible", "hidden"]}
            onChange={(v) => update((s) => void (s.performances.visibility = v))}
            error={err("performances.visibility")}
          />
          <SpektrixFieldPicker
            label="Title-override attribute"
            scope="performance-attribute"
            value={settings.performances.titleOverrideAttribute ?? ""}
            onChange={(v) => update((s) => void (s.performances.titleOverrideAttribute = v))}
            fields={fields}
            saved={saved.instanceAttributes}
            errorMessage={err("performances.titleOverrideAttribute")}
            description="An instance attribute whose text replaces the performance's title. Empty: none."
          />
        </div>
        <fieldset className="grid gap-3">
          <legend className="text-sm font-semibold">
            Access performances: which of your instance attributes mark each kind
          </legend>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            {ACCESS_FILTERS.map((flag) => (
              <SpektrixFieldListPicker
                key={flag}
                label={ACCESS_LABELS[flag]}
                scope="performance-attribute"
                values={settings.performances.access[flag]}
                onAdd={(name) => update((s) => void s.performances.access[flag].push(name))}
                onRemove={(i) =>
                  removeFrom(`performances.access.${flag}`, (s) => void s.performances.access[flag].splice(i, 1))
                }
                fields={fields}
                saved={saved.access[flag]}
                errors={errors}
                path={`performances.access.${flag}`}
                noneChosen="None chosen: no performance is marked this way."
              />
            ))}
          </div>
        </fieldset>
      </section>

      <section
        aria-labelledby={`${base}-display`}
        className="grid gap-4 rounded-[var(--radius-card)] border border-line bg-white p-6"
      >
        <h2 id={`${base}-display`} className="text-xl font-semibold">
          What visitors see
        </h2>
        <ListField
          id={`${base}-hiddenGenres`}
          label="Genres visitors never see"
          hint="The box office’s own genres (a rental, a hire), comma-separated, in any case: left out of event labels and the genre filter by the next sync."
          initial={(settings.display?.hiddenGenres ?? []).join(", ")}
          onChange={(text) => update((s) => void (s.display = { ...s.display, hiddenGenres: splitList(text) }))}
          errors={errors}
          path="display.hiddenGenres"
        />
        <VenueNamesField
          id={`${base}-venueNames`}
          initial={venueNamesToText(settings.display?.venueNames ?? [])}
          venues={options.venues}
          keptVenues={options.keptVenues ?? []}
          onChange={(text) => update((s) => void (s.display = { ...s.display, venueNames: textToVenueNames(text) }))}
          errors={errors}
        />
      </section>

      <section
        aria-labelledby={`${base}-maps`}
        className="grid gap-4 rounded-[var(--radius-card)] border border-line bg-white p-6"
      >
        <h2 id={`${base}-maps`} className="text-xl font-semibold">
          Sync maps
        </h2>
        <p className="text-sm text-ink-soft">
          Each map copies a Spektrix field into a site field. <strong>locked</strong>: {MODE_HELP.locked}{" "}
          <strong>fill-if-empty</strong>: {MODE_HELP["fill-if-empty"]} <strong>editable</strong>: {MODE_HELP.editable}
        </p>
        <Err errors={errors} path="maps" />
        <datalist id={`${base}-targets`}>
          {options.targets.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <ol className="grid gap-3">
          {settings.maps.map((map, i) => (
            <li
              key={i}
              className="grid grid-cols-1 gap-3 rounded-md border border-line p-3 sm:grid-cols-[1fr_1fr_9rem_10rem_auto] sm:items-start"
              data-map-row={i}
            >
              <SpektrixFieldPicker
                label={`Spektrix field (map ${i + 1})`}
                scope="event-field"
                value={map.source}
                onChange={(v) => update((s) => void (s.maps[i]!.source = v))}
                fields={fields}
                saved={saved.sources}
                errorMessage={err(`maps.${i}.source`)}
              />
              <div className="grid gap-1">
                <label htmlFor={`${base}-m${i}-target`} className="text-xs font-semibold">
                  Site field (map {i + 1})
                </label>
                <input
                  id={`${base}-m${i}-target`}
                  list={`${base}-targets`}
                  className={inputClass}
                  value={map.target}
                  onChange={(e) =>
                    update((s) => {
                      const m = s.maps[i]!;
                      m.target = e.target.value;
                      const accepted = options.targetTransforms[m.target];
                      if (accepted && !accepted.includes(m.transform)) m.transform = accepted[0]!;
                    })
                  }
                  aria-invalid={err(`maps.${i}.target`) ? true : undefined}
                  aria-describedby={err(`maps.${i}.target`) ? `${base}-m${i}-target-err` : undefined}
                />
                <Err errors={errors} path={`maps.${i}.target`} id={`${base}-m${i}-target-err`} />
              </div>
              <Select
                id={`${base}-m${i}-transform`}
                label={`Transform (map ${i + 1})`}
                value={map.transform}
                options={options.transforms}
                onChange={(v) => update((s) => void (s.maps[i]!.transform = v))}
                error={err(`maps.${i}.transform`)}
              />
              <Select
                id={`${base}-m${i}-mode`}
                label={`Mode (map ${i + 1})`}
                value={map.mode}
                options={options.modes}
                onChange={(v) => update((s) => void (s.maps[i]!.mode = v))}
                error={err(`maps.${i}.mode`)}
              />
              <button
                type="button"
                className="btn btn-ghost self-end !px-3 !py-2 text-sm text-danger"
                onClick={() => update((s) => void s.maps.splice(i, 1))}
              >
                Remove<span className="sr-only"> map {i + 1}</span>
              </button>
            </li>
          ))}
        </ol>
        <div>
          <button
            type="button"
            className="btn btn-ghost text-brand"
            onClick={() =>
              // Empty, and not locked: a map saved before the editor chose its fields would write every event.
              update((s) => void s.maps.push({ source: "", target: "", transform: "text", mode: "fill-if-empty" }))
            }
          >
            Add map
          </button>
        </div>
      </section>

      <section
        aria-labelledby={`${base}-sched`}
        className="grid gap-4 rounded-[var(--radius-card)] border border-line bg-white p-6"
      >
        <h2 id={`${base}-sched`} className="text-xl font-semibold">
          Schedule
        </h2>
        <div className="flex flex-wrap items-end gap-6">
          <div className="flex items-center gap-2">
            <input
              id={`${base}-sched-on`}
              type="checkbox"
              className="size-4 accent-brand"
              checked={settings.schedule.enabled}
              onChange={(e) => update((s) => void (s.schedule.enabled = e.target.checked))}
            />
            <label htmlFor={`${base}-sched-on`} className="text-sm font-semibold">
              Sync automatically
            </label>
          </div>
          <div className="grid gap-1">
            <label htmlFor={`${base}-every`} className="text-sm font-semibold">
              Every (minutes)
            </label>
            <input
              id={`${base}-every`}
              inputMode="numeric"
              className={inputClass}
              value={String(settings.schedule.everyMinutes)}
              onChange={(e) => update((s) => void (s.schedule.everyMinutes = e.target.value))}
              aria-invalid={err("schedule.everyMinutes") ? true : undefined}
              aria-describedby={err("schedule.everyMinutes") ? `${base}-every-err` : undefined}
            />
            <Err errors={errors} path="schedule.everyMinutes" id={`${base}-every-err`} />
          </div>
        </div>
      </section>

      <section
        aria-labelledby={`${base}-preview`}
        className="grid gap-4 rounded-[var(--radius-card)] border border-line bg-white p-6"
      >
        <h2 id={`${base}-preview`} className="text-xl font-semibold">
          Preview before saving
        </h2>
        <p className="text-sm text-ink-soft">
          Fetches one event from Spektrix now and shows what a sync with these (unsaved) settings would write.
        </p>
        <RecordPicker
          kind="event"
          label="Event to preview on"
          value={previewEvent}
          onChange={setPreviewEvent}
          errorMessage={err("previewEvent")}
        />
        <div>
          <BusyButton
            className="btn btn-ghost text-brand"
            busy={previewing}
            onClick={() =>
              startPreview(async () => {
                const r = await previewSyncSettingsAction(payload(), previewEvent?.id ?? "");
                setPreview(r);
                setErrors(r.ok ? {} : (r.fieldErrors ?? {}));
              })
            }
          >
            {previewing ? "Fetching from Spektrix…" : "Preview"}
          </BusyButton>
        </div>
        <div role="status" aria-live="polite">
          {preview && !preview.ok ? <p className="text-danger">{preview.message}</p> : null}
          {preview && preview.ok ? (
            <div data-testid="sync-preview">
              <p className="text-sm">
                <strong>{preview.event.name}</strong> —{" "}
                {preview.existing ? "already on the site" : "not yet on the site (would be created)"}.
                {preview.note ? <span className="text-warning"> {preview.note}</span> : null}
              </p>
              <div className="scroll-x mt-3">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">What each map would write</caption>
                  <thead>
                    <tr className="border-b border-line">
                      {["Site field", "Mode", "From Spektrix", "On the site now", "After sync"].map((h) => (
                        <th key={h} scope="col" className="py-2 pr-3">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.target} className="border-b border-line/60 align-top">
                        <th scope="row" className="py-2 pr-3 font-medium">
                          {r.target}
                          {r.editedByEditor ? " (edited)" : ""}
                        </th>
                        <td className="py-2 pr-3">{r.mode}</td>
                        <td className="py-2 pr-3">{display(r.fromSpektrix)}</td>
                        <td className="py-2 pr-3">{display(r.current)}</td>
                        <td
                          className={`py-2 pr-3 ${JSON.stringify(r.after) !== JSON.stringify(r.current) ? "font-semibold text-brand" : ""}`}
                        >
                          {display(r.after)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : null}
        </div>
      </section>

      <div className="grid gap-3">
        <FormMessage result={result} />
        {result && !result.ok && result.conflict ? (
          <StaleChoices
            theirs={routes.studio.syncSettings}
            busy={saving}
            keepMine={() =>
              // The choices go with the refusal: the keyboard goes on to Save settings, not to the page's top.
              save(Number(result.conflict!.version), () =>
                focusAfterRender(() => document.getElementById(`${base}-save`)),
              )
            }
          />
        ) : null}
        <div>
          <BusyButton id={`${base}-save`} className="btn btn-primary" busy={saving} onClick={() => save()}>
            {saving ? "Saving…" : "Save settings"}
          </BusyButton>
        </div>
      </div>
    </div>
  );
}
