"use client";

import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { focusAfterRender, focusIsLost } from "@/components/site/focus";
import { BASED_ON_FIELD, type ActionResult } from "@/lib/studio/forms";
import { useWarnBeforeLeaving } from "./unsaved-changes-client";

/**
 * A studio form sent to a server action that keeps what the editor typed. A `<form action>` alone has React reset
 * every field to its default once the action answers, so a refused save would throw the editor's typing away (a new
 * subtitle, say, beside one bad number). Here the browser submits by hand; without JavaScript the form still posts
 * to the action. After a refusal the focus goes to the first field that needs attention, where its message is read.
 * `submit` sends the form's current fields again with extra ones set (the connection form's browser check).
 * Until a save succeeds with everything typed so far, leaving the page asks first (`useWarnBeforeLeaving`).
 *
 * With `basedOn` (the fields as the server rendered them) each save also says how the form began, in
 * `BASED_ON_FIELD`, so the server saves only what this editor changed. A successful save becomes the new
 * beginning, its fields as the server stored them (`savedAs`: trimmed, lists rejoined); fields the server reports changed by someone else (`stale`) are adopted, so saving again replaces
 * them deliberately. The form renders the first `basedOn` itself (`<BasedOnField>`), for a save without JavaScript.
 */
export function useStudioForm<R extends ActionResult<unknown>>(
  serverAction: (state: R | undefined, data: FormData) => Promise<R>,
  basedOn?: Record<string, string>,
) {
  const [result, action, pending] = useActionState(serverAction, undefined);
  const form = useRef<HTMLFormElement>(null);
  const base = useRef(basedOn);
  const sentFields = useRef<Record<string, string>>({});
  // Edits counted, and the count each save was sent with: typing while a save is on its way stays unsaved.
  const editCount = useRef(0);
  const [edits, setEdits] = useState(0);
  const [sentWith, setSentWith] = useState(0);
  const savedWith = result?.ok && !pending ? sentWith : 0;
  useWarnBeforeLeaving(edits !== savedWith);
  useEffect(() => {
    if (!result || !base.current) return;
    if (result.ok) base.current = { ...sentFields.current, ...result.savedAs };
    else if (result.stale) base.current = { ...base.current, ...result.stale };
  }, [result]);
  useEffect(() => {
    if (!result || result.ok || !form.current) return;
    const root = form.current;
    // Only from where the save was asked (its button) or from nowhere: an editor already typing elsewhere stays.
    const from = document.activeElement;
    if (!focusIsLost() && !(from instanceof HTMLButtonElement && from.type === "submit" && root.contains(from))) return;
    focusAfterRender(() => root.querySelector<HTMLElement>('[aria-invalid="true"]'));
  }, [result]);
  const submit = useCallback(
    (extra: Record<string, string> = {}) => {
      if (!form.current) return;
      const data = new FormData(form.current);
      for (const [name, value] of Object.entries(extra)) data.set(name, value);
      if (base.current) {
        data.delete(BASED_ON_FIELD);
        sentFields.current = Object.fromEntries(
          [...data.entries()].flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])),
        );
        data.set(BASED_ON_FIELD, JSON.stringify(base.current));
      }
      setSentWith(editCount.current);
      startTransition(() => action(data));
    },
    [action],
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };
  const onInput = () => setEdits(++editCount.current);
  return { result, pending, submit, formProps: { ref: form, action, onSubmit, onInput } };
}

/** The form's first `basedOn`, for a save posted without JavaScript (`useStudioForm` replaces it on every save). */
export function BasedOnField(props: { basedOn: Record<string, string> }) {
  return <input type="hidden" name={BASED_ON_FIELD} value={JSON.stringify(props.basedOn)} />;
}
