import { StudioNav } from "@/components/studio/studio-nav-client";
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
    <div className="container-page grid grid-cols-1 gap-6 py-6 md:grid-cols-[13rem_1fr] md:gap-8 md:py-8">
      <aside className="md:sticky md:top-24 md:self-start">
        <p className="eyebrow text-brand">Studio</p>
        <StudioNav items={nav} />
        {/* One line on a phone, under the menu; a block of its own below it from md up. */}
        <div className="mt-3 flex flex-wrap items-baseline gap-x-3 text-xs text-ink-soft md:mt-6 md:block md:border-t md:border-line md:pt-4">
          <p>
            Signed in as <span className="font-medium text-ink">{editor.email}</span>
          </p>
          <form action={signOutAction} className="md:mt-2">
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
