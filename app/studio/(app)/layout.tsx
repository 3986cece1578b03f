import Link from "next/link";
import { signOutAction } from "@/lib/studio/actions/auth";
import { currentEditor } from "@/lib/studio/guard";
import { routes } from "@/lib/routes";

const nav = [
  { href: routes.studio.home, label: "Overview" },
  { href: routes.studio.connection, label: "Connection" },
  { href: routes.studio.sync, label: "Sync runs" },
  { href: routes.studio.syncSettings, label: "Sync settings" },
  { href: routes.studio.events, label: "Events" },
  { href: routes.studio.pages, label: "Pages" },
  { href: routes.studio.checkout, label: "Checkout" },
];

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  // Each page calls requireEditorPage() with its own path (so sign-in returns there); the chrome only needs the name.
  const editor = await currentEditor();
  if (!editor) return <>{children}</>;
  return (
    <div className="container-page grid grid-cols-1 gap-8 py-8 md:grid-cols-[13rem_1fr]">
      <aside className="md:sticky md:top-24 md:self-start">
        <p className="eyebrow text-brand">Studio</p>
        <nav aria-label="Studio" className="mt-3">
          <ul className="grid gap-1">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="block rounded-md px-3 py-2 text-sm font-medium text-ink hover:bg-paper-deep"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="mt-6 border-t border-line pt-4 text-xs text-ink-soft">
          <p>
            Signed in as <span className="font-medium text-ink">{editor.email}</span>
          </p>
          <form action={signOutAction} className="mt-2">
            <button type="submit" className="underline">
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
