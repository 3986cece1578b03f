import localFont from "next/font/local";

export const displayFont = localFont({
  src: "./fonts/Fraunces-latin-wght.woff2",
  variable: "--font-display",
  weight: "300 900",
  display: "swap",
});

export const textFont = localFont({
  src: "./fonts/Inter-latin-wght.woff2",
  variable: "--font-text",
  weight: "100 900",
  display: "swap",
});
