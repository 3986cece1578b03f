"use client";

import Link from "next/link";
import { BusyButton } from "@/components/site/busy-button-client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { publishPageAction, savePageAction, unpublishPageAction, deletePageAction } from "@/lib/studio/actions/pages";
import type { ActionResult, FieldErrors } from "@/lib/studio/forms";
import { PICKER_LABELS, type PickedRef, type PickerKind } from "@/lib/studio/picker-core";
import type { EditorOptions } from "@/lib/studio/page-editor-options";
import { FieldNotes, FormMessage, inputClass } from "./fields";
import { RecordPicker } from "./record-picker-client";
import { StaleChoices } from "./stale-choices-client";
import { routes } from "@/lib/routes";
import { slugify } from "@/lib/text/slug";
import dynamic from "next/dynamic";
import { focusAfterRender } from "@/components/site/focus";
import { useWarnBeforeLeaving } from "./unsaved-changes-client";

// The editor (ProseMirror) loads only on pages that have a rich-text block.
const RichTextEditor = dynamic(() => import("./rich-text-editor-client").then((m) => m.RichTextEditor), {
  ssr: false,
  loading: () => <p className="text-sm text-ink-soft">Loading the text editor…</p>,
});

type BlockState = Record<string, unknown> & { type: string };
interface PageState {
  slug: string;
  title: string;
  seoTitle: string;
  seoDescription: string;
  blocks: BlockState[];
}

function Field(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  multiline?: boolean;
  hint?: string;
}) {
  const describedBy =
    [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-err` : null].filter(Boolean).join(" ") ||
    undefined;
  const common = {
    id: props.id,
    value: props.value,
    className: inputClass,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    // content-start: a field beside one with a hint keeps its own height instead of stretching to the row's.
    <div className="grid content-start gap-1">
      <label htmlFor={props.id} className="text-sm font-semibold">
        {props.label}
      </label>
      {props.multiline ? (
        <textarea rows={6} {...common} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => props.onChange(e.target.value)} />
      )}
      <FieldNotes id={props.id} hint={props.hint} error={props.error} />
    </div>
  );
}

/**
 * A list of picks (a block whose picker is `many`): each chosen record with a way to remove it, and a picker
 * that adds one more. The picker is remounted after each add, so it starts empty again.
 */
function PickList(props: {
  kind: PickerKind;
  label: string;
  values: PickedRef[];
  onChange: (values: PickedRef[]) => void;
  errorMessage?: string;
  description: string;
}) {
  const words = PICKER_LABELS[props.kind].many;
  return (
    <div className="grid gap-2">
      <RecordPicker
        key={props.values.map((v) => v.id).join(",")}
        kind={props.kind}
        label={props.label}
        value={null}
        onChange={(v) => {
          if (v && !props.values.some((x) => x.id === v.id)) props.onChange([...props.values, v]);
        }}
        errorMessage={props.errorMessage}
        description={props.description}
      />
      {props.values.length ? (
        <ul className="grid gap-1 text-sm" aria-label={`Chosen ${words}`}>
          {props.values.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{v.label}</span>
              <span className="font-mono text-xs text-ink-soft">({v.id})</span>
              <button
                type="button"
                className="text-xs underline"
                onClick={() => props.onChange(props.values.filter((x) => x.id !== v.id))}
              >
                Remove<span className="sr-only"> {v.label}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-ink-soft">None chosen: the block offers all {words}.</p>
      )}
    </div>
  );
}

/** `list` with the item at `from` moved to `to`. */
function moved<T>(list: T[], from: number, to: number): T[] {
  const out = [...list];
  out.splice(to, 0, out.splice(from, 1)[0]!);
  return out;
}

/**
 * A new page's first save opens the editor again at the page's own address (a new component): what the save said,
 * handed to it. Client navigation keeps this module, so the hand-over needs no address of its own.
 */
let createdJustNow: { id: number; result: ActionResult<unknown> } | null = null;

export function PageEditor(props: {
  pageId: number | null;
  initial: PageState;
  options: EditorOptions;
  published: { at: string; slug: string } | null;
  /** The stored draft's version (null for a new page): saves and publishing send it back. */
  version: string | null;
}) {
  const base = useId();
  const router = useRouter();
  const [page, setPage] = useState<PageState>(props.initial);
  // Each block's own React key, kept through moves: its picker and text editor go with it, not with its position.
  const [keys, setKeys] = useState(() => props.initial.blocks.map((_, i) => i));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<ActionResult<unknown> | null>(() =>
    createdJustNow?.id === props.pageId ? createdJustNow.result : null,
  );
  const [dirty, setDirty] = useState(false);
  useWarnBeforeLeaving(dirty);
  // The draft this editor is based on; a save moves it on, and a save over someone else's adopts theirs.
  const version = useRef(props.version);
  const editor = useRef<HTMLDivElement>(null);
  // The editor that opens at a new page's own address after its first save says so, with the keyboard on Save draft.
  useEffect(() => {
    if (createdJustNow === null || createdJustNow.id !== props.pageId) return;
    createdJustNow = null;
    focusAfterRender(() => document.getElementById(`${base}-save`));
  }, [base, props.pageId]);
  const [addType, setAddType] = useState(props.options.types[0]!.type);
  const [pending, start] = useTransition();
  const byType = new Map(props.options.types.map((t) => [t.type, t]));

  const err = (path: string) => {
    const all = Object.entries(errors).filter(([k]) => k === path || k.startsWith(`${path}.`));
    return all.length ? all.map(([, v]) => v.join("; ")).join("; ") : undefined;
  };
  // Counts edits, so a save knows whether anything was typed while it was on its way (that stays unsaved).
  const edits = useRef(0);
  const update = (fn: (p: PageState) => void) => {
    setPage((prev) => {
      const next = structuredClone(prev);
      fn(next);
      return next;
    });
    edits.current++;
    setDirty(true);
  };
  // Moving, removing or adding a block re-renders the list under the keyboard: focus goes where the block went
  // (its same button), to the block that took a removed one's place, or to a new block, never to the page's body.
  const focusOnRendered = (id: string) => focusAfterRender(() => document.getElementById(id));
  const blockId = (i: number) => `${base}-b${i}`;
  const setBlock = (i: number, key: string, value: unknown) => update((p) => void (p.blocks[i]![key] = value));

  const payload = () =>
    JSON.stringify({
      ...page,
      blocks: page.blocks.map((b) => {
        if (b.type !== "donate") return b;
        const raw = b.amounts;
        const amounts =
          typeof raw === "string"
            ? raw
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean)
                .map((s) => (Number.isFinite(Number(s)) ? Number(s) : s))
            : raw;
        return { ...b, amounts };
      }),
    });

  async function save(basedOn = version.current): Promise<number | null> {
    const sent = edits.current;
    const r = await savePageAction(props.pageId, payload(), basedOn);
    setResult(r);
    setErrors(r.ok ? {} : (r.fieldErrors ?? {}));
    if (!r.ok) {
      // To the first field that needs attention, where its message is read (on a phone it may be far above);
      // a refusal no field is at fault for leaves the keyboard where it was.
      focusAfterRender(() => editor.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
      return null;
    }
    if (r.data) version.current = r.data.version;
    setDirty(edits.current !== sent);
    const id = r.data?.id ?? props.pageId;
    if (props.pageId === null && id) {
      createdJustNow = { id, result: r };
      router.replace(routes.studio.page(id));
    } else router.refresh();
    return id ?? null;
  }

  return (
    <div ref={editor} className="grid gap-6">
      <section
        aria-labelledby={`${base}-meta`}
        className="grid gap-4 rounded-[var(--radius-card)] border border-line bg-white p-6"
      >
        <h2 id={`${base}-meta`} className="text-xl font-semibold">
          Page
        </h2>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field
            id={`${base}-title`}
            label="Title"
            value={page.title}
            onChange={(v) =>
              update((p) => {
                // The slug follows the title until the editor types one or the page is first published: after
                // that, links to it exist and it never moves on its own.
                const follows = !props.published && (p.slug === "" || p.slug === slugify(p.title));
                p.title = v;
                if (follows) p.slug = slugify(v);
              })
            }
            error={err("title")}
          />
          <Field
            id={`${base}-slug`}
            label="Slug"
            value={page.slug}
            onChange={(v) => update((p) => void (p.slug = v))}
            error={err("slug")}
            hint={
              props.published && props.published.slug !== page.slug
                ? `Visitors find it at /info/${props.published.slug}; it moves to /info/${page.slug || "…"} when you publish.`
                : `The page lives at /info/${page.slug || "…"}`
            }
          />
          <Field
            id={`${base}-seoTitle`}
            label="SEO title"
            value={page.seoTitle}
            onChange={(v) => update((p) => void (p.seoTitle = v))}
            error={err("seoTitle")}
            hint="Up to 70 characters; the title is used when empty."
          />
          <Field
            id={`${base}-seoDescription`}
            label="SEO description"
            value={page.seoDescription}
            onChange={(v) => update((p) => void (p.seoDescription = v))}
            error={err("seoDescription")}
            hint="Up to 160 characters."
          />
        </div>
      </section>

      <section aria-labelledby={`${base}-blocks`} className="grid gap-4">
        <h2 id={`${base}-blocks`} className="text-xl font-semibold">
          Blocks
        </h2>
        {err("blocks") && !Object.keys(errors).some((k) => /^blocks\.\d/.test(k)) ? (
          <p className="text-danger">{err("blocks")}</p>
        ) : null}
        {page.blocks.length === 0 ? <p className="text-ink-soft">No blocks yet. Add one below.</p> : null}
        <ol className="grid gap-4">
          {page.blocks.map((block, i) => {
            const meta = byType.get(block.type as never);
            const id = `${base}-b${i}`;
            const text = (key: string) => (typeof block[key] === "string" ? (block[key] as string) : "");
            return (
              <li
                key={keys[i]}
                className="grid gap-4 rounded-[var(--radius-card)] border border-line bg-white p-5"
                data-block-type={block.type}
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 id={`${id}-caption`} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
                    {i + 1}. {meta?.label ?? block.type}
                  </h3>
                  <div className="flex gap-2 text-sm">
                    <button
                      type="button"
                      className="rounded border border-line px-2 py-1 disabled:opacity-40"
                      id={`${id}-up`}
                      disabled={i === 0}
                      onClick={() => {
                        update((p) => void (p.blocks = moved(p.blocks, i, i - 1)));
                        setKeys((k) => moved(k, i, i - 1));
                        focusOnRendered(`${blockId(i - 1)}-${i - 1 === 0 ? "down" : "up"}`);
                      }}
                    >
                      Move up<span className="sr-only"> block {i + 1}</span>
                    </button>
                    <button
                      type="button"
                      className="rounded border border-line px-2 py-1 disabled:opacity-40"
                      id={`${id}-down`}
                      disabled={i === page.blocks.length - 1}
                      onClick={() => {
                        update((p) => void (p.blocks = moved(p.blocks, i, i + 1)));
                        setKeys((k) => moved(k, i, i + 1));
                        focusOnRendered(`${blockId(i + 1)}-${i + 1 === page.blocks.length - 1 ? "up" : "down"}`);
                      }}
                    >
                      Move down<span className="sr-only"> block {i + 1}</span>
                    </button>
                    <button
                      type="button"
                      className="rounded border border-line px-2 py-1 text-danger"
                      onClick={() => {
                        update((p) => void p.blocks.splice(i, 1));
                        setKeys((k) => k.filter((_, at) => at !== i));
                        const left = page.blocks.length - 1;
                        focusOnRendered(left === 0 ? `${base}-add` : `${blockId(Math.min(i, left - 1))}-caption`);
                      }}
                    >
                      Remove<span className="sr-only"> block {i + 1}</span>
                    </button>
                  </div>
                </div>
                {block.type === "richText" ? (
                  <RichTextEditor
                    id={`${id}-html`}
                    label="Text"
                    value={text("html")}
                    onChange={(v) => setBlock(i, "html", v)}
                    error={err(`blocks.${i}.html`)}
                    hint="Paragraphs, headings, lists, quotes and links. In the HTML source, scripts, frames and styles are refused."
                  />
                ) : null}
                {block.type === "hero" ? (
                  <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                    {(["heading", "text", "imageUrl", "imageAlt", "ctaLabel", "ctaHref"] as const).map((k) => (
                      <Field
                        key={k}
                        id={`${id}-${k}`}
                        label={
                          {
                            heading: "Heading",
                            text: "Text",
                            imageUrl: "Image URL",
                            imageAlt: "Image alt text",
                            ctaLabel: "Button label",
                            ctaHref: "Button link",
                          }[k]
                        }
                        value={text(k)}
                        onChange={(v) => setBlock(i, k, v)}
                        error={err(`blocks.${i}.${k}`)}
                      />
                    ))}
                  </div>
                ) : null}
                {meta?.picker ? (
                  <>
                    {meta.picker.many ? (
                      <PickList
                        kind={meta.picker.kind as PickerKind}
                        label={meta.picker.label}
                        values={
                          Array.isArray(block[meta.picker.field]) ? (block[meta.picker.field] as PickedRef[]) : []
                        }
                        onChange={(v) => setBlock(i, meta.picker!.field, v)}
                        errorMessage={err(`blocks.${i}.${meta.picker.field}`)}
                        description={meta.picker.help}
                      />
                    ) : (
                      <RecordPicker
                        kind={meta.picker.kind as PickerKind}
                        label={meta.picker.label}
                        value={(block[meta.picker.field] as PickedRef | null) ?? null}
                        onChange={(v) => setBlock(i, meta.picker!.field, v)}
                        errorMessage={err(`blocks.${i}.${meta.picker.field}`)}
                        description={meta.picker.help}
                        isRequired
                      />
                    )}
                    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                      <Field
                        id={`${id}-heading`}
                        label="Heading (optional)"
                        value={text("heading")}
                        onChange={(v) => setBlock(i, "heading", v)}
                        error={err(`blocks.${i}.heading`)}
                      />
                      {"intro" in block ? (
                        <Field
                          id={`${id}-intro`}
                          label="Introduction (optional)"
                          value={text("intro")}
                          onChange={(v) => setBlock(i, "intro", v)}
                          error={err(`blocks.${i}.intro`)}
                        />
                      ) : null}
                    </div>
                    {block.type === "donate" ? (
                      <Field
                        id={`${id}-amounts`}
                        label="Suggested amounts"
                        value={
                          Array.isArray(block.amounts)
                            ? (block.amounts as unknown[]).join(", ")
                            : String(block.amounts ?? "")
                        }
                        onChange={(v) => setBlock(i, "amounts", v)}
                        error={err(`blocks.${i}.amounts`)}
                        hint="Comma-separated, e.g. 10, 25, 50"
                      />
                    ) : null}
                  </>
                ) : null}
                {block.type === "iframe" ? (
                  <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                    <div className="grid gap-1">
                      <label htmlFor={`${id}-flow`} className="text-sm font-semibold">
                        Spektrix flow
                      </label>
                      <select
                        id={`${id}-flow`}
                        className={inputClass}
                        value={String(block.flow)}
                        onChange={(e) =>
                          update((p) => void Object.assign(p.blocks[i]!, { flow: e.target.value, params: {} }))
                        }
                      >
                        {props.options.flows.map((f) => (
                          <option key={f.flow} value={f.flow}>
                            {f.label}
                          </option>
                        ))}
                      </select>
                      {err(`blocks.${i}.flow`) ? (
                        <p className="text-sm text-danger">{err(`blocks.${i}.flow`)}</p>
                      ) : null}
                    </div>
                    <Field
                      id={`${id}-title`}
                      label="Frame title (for screen readers)"
                      value={text("title")}
                      onChange={(v) => setBlock(i, "title", v)}
                      error={err(`blocks.${i}.title`)}
                    />
                    {props.options.flows
                      .find((f) => f.flow === block.flow)
                      ?.params.map((param) => (
                        <Field
                          key={param}
                          id={`${id}-p-${param}`}
                          label={`Parameter ${param}`}
                          value={String((block.params as Record<string, string> | undefined)?.[param] ?? "")}
                          onChange={(v) =>
                            update(
                              (p) =>
                                void (p.blocks[i]!.params = { ...((p.blocks[i]!.params as object) ?? {}), [param]: v }),
                            )
                          }
                          error={err(`blocks.${i}.params`)}
                        />
                      ))}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
        <div className="flex flex-wrap items-end gap-3 rounded-[var(--radius-card)] border border-dashed border-line p-4">
          <div className="grid gap-1">
            <label htmlFor={`${base}-add`} className="text-sm font-semibold">
              Block type
            </label>
            <select
              id={`${base}-add`}
              className={inputClass}
              value={addType}
              onChange={(e) => setAddType(e.target.value as typeof addType)}
            >
              {props.options.types.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="btn btn-ghost text-brand"
            onClick={() => {
              update((p) => void p.blocks.push(structuredClone(byType.get(addType)!.empty) as BlockState));
              setKeys((k) => [...k, Math.max(-1, ...k) + 1]);
              focusOnRendered(`${blockId(page.blocks.length)}-caption`);
            }}
          >
            Add block
          </button>
        </div>
      </section>

      <div className="sticky-save-bar sticky bottom-0 grid gap-3 border-t border-line bg-paper/95 py-4">
        <FormMessage result={result} />
        {result && !result.ok && result.conflict ? (
          <StaleChoices
            theirs={routes.studio.page(props.pageId!)}
            busy={pending}
            keepMine={() =>
              start(async () => {
                await save(result.conflict!.version);
                // The choices go with the refusal: the keyboard goes on to Save draft, not to the page's top.
                focusAfterRender(() => document.getElementById(`${base}-save`));
              })
            }
          />
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <BusyButton
            id={`${base}-save`}
            className="btn btn-primary"
            busy={pending}
            onClick={() => start(async () => void (await save()))}
          >
            {pending ? "Working…" : "Save draft"}
          </BusyButton>
          {props.pageId !== null ? (
            <BusyButton
              className="btn btn-ghost text-brand"
              busy={pending}
              onClick={() =>
                start(async () => {
                  if (dirty && (await save()) === null) return;
                  const r = await publishPageAction(props.pageId!, version.current!);
                  setResult(r);
                  router.refresh();
                })
              }
            >
              Publish
            </BusyButton>
          ) : null}
          {props.published ? (
            <>
              <Link href={routes.info(props.published.slug)} className="text-brand underline" target="_blank">
                View published page
              </Link>
              <BusyButton
                className="text-sm underline aria-disabled:opacity-50"
                busy={pending}
                onClick={() =>
                  start(async () => {
                    setResult(await unpublishPageAction(props.pageId!));
                    router.refresh();
                  })
                }
              >
                Unpublish
              </BusyButton>
            </>
          ) : null}
          {props.pageId !== null ? (
            <BusyButton
              className="ml-auto text-sm text-danger underline aria-disabled:opacity-50"
              busy={pending}
              onClick={() =>
                start(async () => {
                  if (!window.confirm("Delete this page? Visitors will get 'not found'.")) return;
                  const r = await deletePageAction(props.pageId!);
                  setResult(r);
                  if (r.ok) router.replace(routes.studio.pages);
                })
              }
            >
              Delete page
            </BusyButton>
          ) : null}
          {dirty ? <span className="text-sm text-warning">Unsaved changes</span> : null}
        </div>
      </div>
    </div>
  );
}
