/** The label every report puts beside CO2e calibrated to AWS's figures (CAIRN_CARBON_CALIBRATION=aws). */

import { fill } from "../src/format/fill";
import { formatPercent } from "../src/format/numbers";
import type { Locale } from "../src/model";

export const CARBON_CALIBRATED_WORDS = {
  en: { calibrated: "Calibrated to AWS's own figures where AWS has published them ({share} of this CO2e)." },
  fr: { calibrated: "Calibré sur les chiffres d'AWS là où AWS les a publiés ({share} de ce CO2e)." },
} satisfies Record<Locale, { calibrated: string }>;

/** The label, or an empty string when the figures are Cairn's own. */
export function calibratedLabel(share: number | null | undefined, lang: Locale): string {
  if (share === null || share === undefined) return "";
  return fill(CARBON_CALIBRATED_WORDS[lang].calibrated, { share: formatPercent(share, lang) });
}
