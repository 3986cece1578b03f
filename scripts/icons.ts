/**
 * The raster icons, drawn from app/icon.svg (the one source): `app/apple-icon.png` (180 × 180, what iOS puts on a
 * home screen; it ignores SVG icons and rounds the corners itself, so the square is filled edge to edge) and
 * `app/favicon.ico` (32 × 32, for the browsers, feed readers and crawlers that ask for /favicon.ico whatever the
 * page says). Next serves both from app/ by its file conventions. Run after changing icon.svg:
 *
 *   npm run icons
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const APP = path.join(import.meta.dirname, "..", "app");
const svg = readFileSync(path.join(APP, "icon.svg"), "utf8");
// The square's own colour fills the corners the SVG rounds off.
const background = /<rect[^>]*fill="(#[0-9a-f]{3,8})"/i.exec(svg)?.[1] ?? "#ffffff";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
try {
  const page = await browser.newPage();
  const draw = async (size: number, filled: boolean) => {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page.setContent(
      `<body style="margin:0;background:${filled ? background : "transparent"}"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`,
    );
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    return page.screenshot({ omitBackground: !filled });
  };
  writeFileSync(path.join(APP, "apple-icon.png"), await draw(180, true));
  writeFileSync(path.join(APP, "favicon.ico"), icoOf(await draw(32, false), 32));
} finally {
  await browser.close();
}

/** An .ico holding one PNG image (allowed since Windows Vista; every current browser reads it). */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt8(0, 2); // no palette
  entry.writeUInt8(0, 3);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(header.length + entry.length, 12);
  return Buffer.concat([header, entry, png]);
}
