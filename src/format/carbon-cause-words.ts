/**
 * The likely cause of a gap of more than 2x between Cairn's CO2e and AWS's, in both languages:
 * shared by the carbon page and the monthly report.
 */
import type { ReconciliationCause } from "../carbon/calibrate";
import type { Locale } from "../model";

export const CARBON_CAUSE_WORDS = {
  en: {
    "cairn-missing": "Cairn has no estimate here: lines not collected or imported, or excluded",
    "aws-missing": "AWS reports nothing here: a service AWS counts elsewhere (global) or rounds to zero",
    "storage-assumptions": "storage: Cairn's redundancy and media assumptions (erasure coding, cold disks)",
    "utilisation-default": "instances: utilisation not measured (50% assumed) or processor not known",
    "serverless-share": "serverless: Cairn's share of a server per GB-second or vCPU-hour",
    "cost-ratio-proxy": "estimated from cost (no physical coefficient)",
    "grid-factors": "grid and PUE figures differ from AWS's own energy data",
  },
  fr: {
    "cairn-missing": "Cairn n'a pas d'estimation ici\u00a0: lignes non collectées ou importées, ou exclues",
    "aws-missing": "AWS ne déclare rien ici\u00a0: service compté ailleurs (global) ou arrondi à zéro",
    "storage-assumptions":
      "stockage\u00a0: hypothèses de redondance et de support de Cairn (codes d'effacement, disques froids)",
    "utilisation-default": "instances\u00a0: utilisation non mesurée (50\u00a0% supposés) ou processeur inconnu",
    "serverless-share": "serverless\u00a0: part de serveur retenue par Cairn par Go-seconde ou vCPU-heure",
    "cost-ratio-proxy": "estimé à partir du coût (pas de coefficient physique)",
    "grid-factors": "intensité du réseau et PUE différents des données d'énergie d'AWS",
  },
} satisfies Record<Locale, Record<ReconciliationCause, string>>;
