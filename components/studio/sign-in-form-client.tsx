"use client";

import { useActionState } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { signInAction } from "@/lib/studio/actions/auth";
import { errorFor, FormMessage, TextField } from "./fields";

export function SignInForm({ next }: { next: string }) {
  const [result, action, pending] = useActionState(signInAction, undefined);
  const refused = result && !result.ok ? result : undefined;
  const errors = refused?.fieldErrors;
  return (
    <form action={action} className="mt-6 grid gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <TextField
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="username"
        defaultValue={refused?.values?.email}
        required
        error={errorFor(errors, "email")}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={errorFor(errors, "password")}
      />
      <FormMessage result={refused} />
      <BusyButton type="submit" className="btn btn-primary" busy={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </BusyButton>
    </form>
  );
}
