/** Words of the carbon page's comparison with AWS's own figures, and of calibration. */
import { CARBON_CAUSE_WORDS } from "../../src/format/carbon-cause-words";

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
    causes: CARBON_CAUSE_WORDS.en,
    tileCalibrated: "calibrated to AWS's figures",
    columnCalibrated: "calibrated to AWS's figures",
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
    causes: CARBON_CAUSE_WORDS.fr,
    tileCalibrated: "calibré sur les chiffres d'AWS",
    columnCalibrated: "calibré sur les chiffres d'AWS",
  },
};
