/**
 * Access flags (captioned, BSL, audio described…) come from venue-defined attributes whose names differ per
 * venue (`SLCaptioned` at one, `Captioned` at another), so they are mapped through configuration.
 */
import { isTruthy } from "@/lib/text/truthy";
import type { Attributes } from "./types";

export type AccessFlag = "captioned" | "bsl" | "audioDescribed" | "relaxed" | "touchTour";

/** For each flag, the attribute names (without `attribute_`) that switch it on. Override per venue. */
export type AccessAttributeMap = Record<AccessFlag, readonly string[]>;

export const DEFAULT_ACCESS_ATTRIBUTES: AccessAttributeMap = {
  captioned: ["SLCaptioned", "Captioned"],
  bsl: ["SLSigned", "SignedBSL", "BSL", "Signed"],
  audioDescribed: ["SLAudioDescribed", "AudioDescribed"],
  relaxed: ["SLRelaxed", "Relaxed", "RelaxedPerformance"],
  touchTour: ["SLTouchTour", "TouchTour"],
};

/** Which access flags are set on a performance (instance attributes win; event attributes are a fallback). */
export function accessFlags(
  attributes: Attributes | readonly Attributes[],
  map: AccessAttributeMap = DEFAULT_ACCESS_ATTRIBUTES,
): Record<AccessFlag, boolean> {
  const sources = Array.isArray(attributes) ? (attributes as readonly Attributes[]) : [attributes as Attributes];
  const lookup = (name: string) =>
    sources.some((attrs) =>
      Object.entries(attrs).some(([key, value]) => key.toLowerCase() === name.toLowerCase() && isTruthy(value)),
    );
  const flags = {} as Record<AccessFlag, boolean>;
  for (const flag of Object.keys(map) as AccessFlag[]) flags[flag] = map[flag].some(lookup);
  return flags;
}
