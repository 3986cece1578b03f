"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { routes } from "@/lib/routes";

/**
 * The newsletter block's form (a small island: plain fetch, no client libraries). It asks the site for a form
 * token when it appears (the signed time the form was shown; the page itself is cached), posts the sign-up to
 * the site's own route, and shows the server's message for each field beside it. Nothing is ticked for the
 * visitor: consent must be their own act.
 */

export interface NewsletterStatement {
  id: string;
  label: string;
  detail: string | null;
}

type Errors = Partial<Record<"email" | "firstName" | "lastName" | "statements", string>>;

const field = "mt-1 w-full rounded-lg border-2 border-line bg-white px-3 py-2.5 text-ink focus:border-brand";
const labelClass = "block text-sm font-semibold text-ink";

async function fetchToken(): Promise<string | null> {
  try {
    const res = await fetch(routes.api.newsletter, { cache: "no-store" });
    return res.ok ? (((await res.json()) as { token?: string }).token ?? null) : null;
  } catch {
    return null;
  }
}

export function NewsletterSignUp({ statements }: { statements: NewsletterStatement[] }) {
  const ids = useId();
  const token = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    void fetchToken().then((t) => (token.current = t));
  }, []);
  useEffect(() => {
    if (success) done.current?.focus();
  }, [success]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // Busy from the press, not from after the token arrives: a second press meanwhile would sign up twice.
    setPending(true);
    setProblem(null);
    const text = (name: string) => String(data.get(name) ?? "");
    const body = {
      email: text("email"),
      firstName: text("firstName"),
      lastName: text("lastName"),
      statements: data.getAll("statements").map(String),
      website: text("website"),
      token: token.current ?? (await fetchToken()) ?? undefined,
    };
    try {
      const res = await fetch(routes.api.newsletter, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = (await res.json().catch(() => ({}))) as { message?: string; error?: string; problems?: string[] };
      if (res.ok) {
        setErrors({});
        setSuccess(answer.message ?? "Thank you! You're signed up.");
        return;
      }
      // `problems` are "field: message"; the form shows each under its field.
      const next: Errors = {};
      for (const p of answer.problems ?? []) {
        const at = p.indexOf(": ");
        if (at > 0) next[p.slice(0, at) as keyof Errors] = p.slice(at + 2);
      }
      setErrors(next);
      setProblem(answer.message ?? "We couldn’t save your sign-up just now. Please try again.");
      if (answer.error === "form-expired") token.current = await fetchToken();
      const first = Object.keys(next)[0];
      if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    } catch {
      setProblem("We couldn’t reach the website. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  if (success) {
    return (
      <p
        ref={done}
        tabIndex={-1}
        role="status"
        data-newsletter-success
        className="rounded-card border border-line bg-white p-5 font-semibold text-ink"
      >
        {success}
      </p>
    );
  }

  const described = (name: keyof Errors) => (errors[name] ? `${ids}-${name}-error` : undefined);
  const error = (name: keyof Errors) =>
    errors[name] ? (
      <p id={`${ids}-${name}-error`} className="mt-1 text-sm text-danger">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-busy={pending}
      className="grid max-w-2xl gap-5 rounded-card border border-line bg-white p-5 md:p-6"
    >
      <div>
        <label htmlFor={`${ids}-email`} className={labelClass}>
          E-mail address
        </label>
        <input
          id={`${ids}-email`}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={described("email")}
          className={field}
        />
        {error("email")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {(["firstName", "lastName"] as const).map((name) => (
          <div key={name}>
            <label htmlFor={`${ids}-${name}`} className={labelClass}>
              {name === "firstName" ? "First name" : "Last name"}{" "}
              <span className="font-normal text-ink-soft">(optional)</span>
            </label>
            <input
              id={`${ids}-${name}`}
              name={name}
              autoComplete={name === "firstName" ? "given-name" : "family-name"}
              maxLength={100}
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={described(name)}
              className={field}
            />
            {error(name)}
          </div>
        ))}
      </div>
      <fieldset aria-describedby={described("statements")}>
        <legend className="font-display text-lg font-semibold text-ink">I’d like to hear about</legend>
        <div className="mt-2 grid gap-2">
          {statements.map((s) => (
            <label key={s.id} className="flex items-start gap-2.5 text-ink">
              <input
                type="checkbox"
                name="statements"
                value={s.id}
                className="mt-1 h-4 w-4 accent-[var(--color-brand)]"
              />
              <span>
                {s.label}
                {s.detail ? <span className="block text-sm text-ink-soft">{s.detail}</span> : null}
              </span>
            </label>
          ))}
        </div>
        {error("statements")}
      </fieldset>
      {/* Only scripts fill this: it is off screen, out of the tab order and hidden from assistive technology. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={`${ids}-website`}>Leave this empty</label>
        <input id={`${ids}-website`} name="website" tabIndex={-1} autoComplete="off" />
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-danger">
          {problem}
        </p>
      ) : null}
      <p>
        <BusyButton type="submit" className="btn btn-primary" busy={pending}>
          {pending ? "Signing up…" : "Sign up"}
        </BusyButton>
      </p>
    </form>
  );
}
