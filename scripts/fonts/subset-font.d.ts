// subset-font ships no types; this is the part of its API scripts/fonts/subset.ts uses.
declare module "subset-font" {
  type Axis = number | { min: number; max: number; default?: number };
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: "woff2" | "woff" | "truetype" | "sfnt"; variationAxes?: Record<string, Axis> },
  ): Promise<Buffer>;
}
