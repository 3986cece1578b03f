"use client";

/**
 * The rich-text block's editor: formatted text for editors (TipTap on ProseMirror), limited to what the site
 * keeps (lib/html/sanitize: paragraphs, two heading levels, emphasis, lists, quotes, links), with the HTML
 * source one switch away for those who want it. The server validates and cleans what is saved either way.
 */
import { useEditor, EditorContent, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useId, useState } from "react";
import { FieldNotes, inputClass } from "./fields";

const SOURCE_ONLY = /<(sup|sub|small|div|span|table|thead|tbody|tfoot|tr|td|th|caption|dl|dt|dd)\b/i;

export function RichTextEditor(props: {
  id: string;
  label: string;
  value: string;
  onChange: (html: string) => void;
  error?: string;
  hint?: string;
}) {
  // Markup the formatted view cannot show opens in the source, so nothing is dropped: the sanitiser keeps tables and
  // description lists, which this editor has no extensions for, and would flatten on the first keystroke.
  const [source, setSource] = useState(() => SOURCE_ONLY.test(props.value));
  const labelId = `${props.id}-label`;
  const describedBy =
    [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-err` : null].filter(Boolean).join(" ") ||
    undefined;
  const editor = useEditor({
    // Rendered in the browser only: the studio page's HTML need not carry the editor.
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto", "tel"] },
      }),
    ],
    content: props.value,
    editorProps: {
      attributes: {
        id: props.id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(props.error ? { "aria-invalid": "true" } : {}),
        class: `${inputClass} prose-venue min-h-40`,
      },
    },
    onUpdate: ({ editor: e }) => props.onChange(e.isEmpty ? "" : e.getHTML()),
  });
  // The block in this slot may change under the editor (moved, or one above it removed): show its text, not the
  // last one's. Not while the editor is typing in it, when the two are the same anyway.
  useEffect(() => {
    if (!editor || editor.isFocused) return;
    const shown = editor.isEmpty ? "" : editor.getHTML();
    if (props.value !== shown) editor.commands.setContent(props.value, { emitUpdate: false });
  }, [editor, props.value]);

  return (
    <div className="grid content-start gap-1">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <span id={labelId} className="text-sm font-semibold">
          {props.label}
        </span>
        <label className="flex items-center gap-2 text-xs text-ink-soft">
          <input
            type="checkbox"
            checked={source}
            onChange={(e) => {
              // Back from the source: the editor takes what was typed there.
              if (!e.target.checked) editor?.commands.setContent(props.value, { emitUpdate: false });
              setSource(e.target.checked);
            }}
          />
          Edit HTML
        </label>
      </div>
      {source ? (
        <textarea
          id={`${props.id}-source`}
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          rows={8}
          className={`${inputClass} font-mono text-sm`}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <>
          {editor ? <Toolbar editor={editor} label={props.label} /> : null}
          <EditorContent editor={editor} />
        </>
      )}
      <FieldNotes id={props.id} hint={props.hint} error={props.error} />
    </div>
  );
}

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const linkId = useId();
  const [linking, setLinking] = useState<string | null>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullets: e.isActive("bulletList"),
      numbers: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
    }),
  });
  const chain = () => editor.chain().focus();
  // Visible words, not symbols: the name a screen reader hears is the text on the button.
  const buttons: { name: string; pressed: boolean; run: () => void; className: string }[] = [
    { name: "Bold", pressed: state.bold, run: () => chain().toggleBold().run(), className: "font-bold" },
    { name: "Italic", pressed: state.italic, run: () => chain().toggleItalic().run(), className: "italic" },
    { name: "Heading", pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run(), className: "" },
    { name: "Subheading", pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run(), className: "" },
    { name: "Bulleted list", pressed: state.bullets, run: () => chain().toggleBulletList().run(), className: "" },
    { name: "Numbered list", pressed: state.numbers, run: () => chain().toggleOrderedList().run(), className: "" },
    { name: "Quote", pressed: state.quote, run: () => chain().toggleBlockquote().run(), className: "" },
  ];

  const [linkError, setLinkError] = useState<string | null>(null);
  function applyLink(href: string) {
    const url = href.trim();
    if (!url) chain().extendMarkRange("link").unsetLink().run();
    // The editor refuses addresses such as javascript: and data:; say so rather than close as if it worked.
    else if (!chain().extendMarkRange("link").setLink({ href: url }).run())
      return setLinkError("That address can’t be a link. Use https://…, mailto:, tel: or a site path.");
    setLinkError(null);
    setLinking(null);
  }

  return (
    <div role="toolbar" aria-label={`${label} formatting`} className="flex flex-wrap gap-1">
      {buttons.map((b) => (
        <button
          key={b.name}
          type="button"
          aria-pressed={b.pressed}
          onClick={b.run}
          className={`rounded border border-line px-2 py-1 text-sm aria-pressed:border-brand aria-pressed:bg-brand-tint ${b.className}`}
        >
          {b.name}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={state.link}
        aria-expanded={linking !== null}
        onClick={() => setLinking(linking === null ? ((editor.getAttributes("link").href as string) ?? "") : null)}
        className="rounded border border-line px-2 py-1 text-sm aria-pressed:border-brand aria-pressed:bg-brand-tint"
      >
        Link
      </button>
      {linking !== null ? (
        <span className="flex w-full items-center gap-2">
          <label htmlFor={linkId} className="text-xs font-semibold">
            Link address
          </label>
          <input
            id={linkId}
            autoFocus
            value={linking}
            onChange={(e) => setLinking(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                applyLink(linking);
              } else if (e.key === "Escape") {
                // Back to the text where the link would have gone, as Apply does, not to the page's body.
                e.preventDefault();
                setLinking(null);
                editor.commands.focus();
              }
            }}
            placeholder="https://… or /whats-on (empty removes the link)"
            className={`${inputClass} !py-1 text-sm`}
          />
          <button type="button" className="btn btn-ghost !px-3 !py-1 text-sm" onClick={() => applyLink(linking)}>
            Apply
          </button>
          {linkError ? (
            <span role="alert" className="text-sm text-danger">
              {linkError}
            </span>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
