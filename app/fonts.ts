import localFont from "next/font/local";

// Made by `npm run fonts` (scripts/fonts/subset.ts): the weights here are the ones each file was cut to.
export const displayFont = localFont({
  src: "./fonts/Fraunces-latin-600.woff2",
  variable: "--font-display",
  weight: "600",
  display: "swap",
});

export const textFont = localFont({
  src: "./fonts/Inter-latin-400-700.woff2",
  variable: "--font-text",
  weight: "400 700",
  display: "swap",
});
