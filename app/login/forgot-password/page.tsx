import type { Metadata } from "next";
import Link from "next/link";
import { SpektrixFlow } from "@/components/spektrix/spektrix-flow";
import { routes } from "@/lib/site";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

/** Passwords live in Spektrix, so resetting one is Spektrix's own flow, framed on our page. */
export default function ForgotPasswordPage() {
  return (
    <div className="container-page py-12 md:py-16">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-soft">
        <Link href={routes.login} className="underline-offset-4 hover:underline">
          Sign in
        </Link>{" "}
        / Reset your password
      </nav>
      <h1 className="mt-4 text-4xl font-semibold">Reset your password</h1>
      <p className="mt-4 max-w-2xl text-ink-soft">
        Choose <strong className="font-semibold text-ink">Forgotten your password?</strong> below and we’ll email you a link to set a new
        one. Once you’ve set it, come back and{" "}
        <Link href={routes.login} className="font-semibold text-brand underline-offset-4 hover:underline">
          sign in here
        </Link>{" "}
        so your member benefits apply at checkout.
      </p>
      <div className="mt-8 max-w-3xl">
        <SpektrixFlow flow="loginLogout" title="Reset your password" />
      </div>
    </div>
  );
}
