import type { Metadata } from "next";

export const metadata: Metadata = {
  title: { default: "Studio", template: "%s · Studio" },
  robots: { index: false, follow: false },
};

export default function StudioRootLayout({ children }: { children: React.ReactNode }) {
  return <div className="bg-paper-deep/40 flex-1">{children}</div>;
}
