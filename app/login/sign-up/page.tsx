import type { Metadata } from "next";
import Link from "next/link";
import { SpektrixFlow } from "@/components/spektrix/spektrix-flow";
import { routes } from "@/lib/site";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

/** Accounts are Spektrix customer records, so sign-up is Spektrix's own form (it has bot protection). */
export default function SignUpPage() {
  return (
    <div className="container-page py-12 md:py-16">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-soft">
        <Link href={routes.login} className="underline-offset-4 hover:underline">
          Sign in
        </Link>{" "}
        / Create an account
      </nav>
      <h1 className="mt-4 text-4xl font-semibold">Create an account</h1>
      <p className="mt-4 max-w-2xl text-ink-soft">
        One account for tickets, memberships and donations. When you’ve finished,{" "}
        <Link href={routes.login} className="font-semibold text-brand underline-offset-4 hover:underline">
          sign in
        </Link>{" "}
        to see your bookings and check out faster.
      </p>
      <div className="mt-8 max-w-3xl">
        <SpektrixFlow flow="signUp" title="Create an account" />
      </div>
    </div>
  );
}
