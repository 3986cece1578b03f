import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/studio/sign-in-form-client";
import { currentEditor, safeReturnPath } from "@/lib/studio/guard";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function StudioSignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(next);
  if (await currentEditor()) redirect(returnTo);
  return (
    <div className="container-page grid place-items-center py-16">
      <div className="w-full max-w-md rounded-[var(--radius-card)] border border-line bg-white p-8 shadow-sm">
        <p className="eyebrow text-brand">Studio</p>
        <h1 className="mt-1 text-3xl font-semibold">Sign in to edit the site</h1>
        <p className="mt-2 text-sm text-ink-soft">
          For the venue&apos;s editors. Members sign in from the Account page instead.
        </p>
        <SignInForm next={returnTo} />
      </div>
    </div>
  );
}
