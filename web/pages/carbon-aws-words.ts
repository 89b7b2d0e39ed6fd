/** Words of the carbon page's comparison with AWS's own figures, and of calibration. */
import type { ReconciliationCause } from "../../src/carbon/calibrate";

type Causes = Record<ReconciliationCause, string>;

export const CARBON_AWS_WORDS = {
  en: {
    title: "Cairn beside AWS's own figures",
    intro:
      "AWS's monthly estimates (Data Exports, carbon emissions table, scopes 1 and 2) imported with cairn import, beside Cairn's location- and market-based CO2e for the same months, accounts, services and regions. AWS publishes a month weeks after it ends.",
    none: "No AWS carbon figures imported for these months: cairn import FILE|s3://… reads AWS's carbon emissions export.",
    month: "Month",
    awsLocation: "AWS location-based",
    awsMarket: "AWS market-based",
    cairnLocation: "Cairn location-based",
    cairnMarket: "Cairn market-based",
    ratio: "Cairn / AWS",
    flagged: "More than 2× apart",
    product: "Service",
    region: "Region",
    cause: "Likely cause",
    calibrated: "Calibrated to AWS's figures",
    calibratedNote:
      "CAIRN_CARBON_CALIBRATION=aws: where AWS has a figure for a month, account, service and region, Cairn's daily figures are scaled to sum to it. Share of this period's CO2e that is AWS's figure:",
    causes: {
      "cairn-missing": "Cairn has no estimate here: lines not collected or imported, or excluded",
      "aws-missing": "AWS reports nothing here: a service AWS counts elsewhere (global) or rounds to zero",
      "storage-assumptions": "storage: Cairn's redundancy and media assumptions (erasure coding, cold disks)",
      "utilisation-default": "instances: utilisation not measured (50% assumed) or processor not known",
      "serverless-share": "serverless: Cairn's share of a server per GB-second or vCPU-hour",
      "cost-ratio-proxy": "estimated from cost (no physical coefficient)",
      "grid-factors": "grid and PUE figures differ from AWS's own energy data",
    } satisfies Causes,
  },
  fr: {
    title: "Cairn à côté des chiffres d'AWS",
    intro:
      "Les estimations mensuelles d'AWS (Data Exports, table des émissions carbone, scopes 1 et 2), importées avec cairn import, à côté du CO2e de Cairn (réseau local et achats d'électricité) pour les mêmes mois, comptes, services et régions. AWS publie un mois plusieurs semaines après sa fin.",
    none: "Aucun chiffre carbone d'AWS importé pour ces mois : cairn import FICHIER|s3://… lit l'export des émissions carbone d'AWS.",
    month: "Mois",
    awsLocation: "AWS, réseau local",
    awsMarket: "AWS, achats d'électricité",
    cairnLocation: "Cairn, réseau local",
    cairnMarket: "Cairn, achats d'électricité",
    ratio: "Cairn / AWS",
    flagged: "Écart de plus de 2×",
    product: "Service",
    region: "Région",
    cause: "Cause probable",
    calibrated: "Calibré sur les chiffres d'AWS",
    calibratedNote:
      "CAIRN_CARBON_CALIBRATION=aws : là où AWS donne un chiffre pour un mois, un compte, un service et une région, les chiffres quotidiens de Cairn sont mis à l'échelle pour s'y additionner. Part du CO2e de la période qui vient d'AWS :",
    causes: {
      "cairn-missing": "Cairn n'a pas d'estimation ici : lignes non collectées ou importées, ou exclues",
      "aws-missing": "AWS ne déclare rien ici : service compté ailleurs (global) ou arrondi à zéro",
      "storage-assumptions":
        "stockage : hypothèses de redondance et de support de Cairn (codes d'effacement, disques froids)",
      "utilisation-default": "instances : utilisation non mesurée (50 % supposés) ou processeur inconnu",
      "serverless-share": "serverless : part de serveur retenue par Cairn par Go-seconde ou vCPU-heure",
      "cost-ratio-proxy": "estimé à partir du coût (pas de coefficient physique)",
      "grid-factors": "intensité du réseau et PUE différents des données d'énergie d'AWS",
    } satisfies Causes,
  },
};
