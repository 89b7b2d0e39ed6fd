/** The data health page's Athena tile (./runs-athena.tsx). */
export const RUNS_ATHENA_WORDS = {
  en: {
    title: "Athena queries this month",
    scanned: "scanned",
    cost: "what they cost",
    cap: "monthly cap",
    note: "AWS bills USD 5 per TB scanned, at least 10 MB per query.",
    megabytes: "MB",
    ceOff:
      "Athena collects the costs: Cost Explorer's cost collection is off, so its requests are not paid for the same data, and the month-end forecast is Cairn's own. CAIRN_CE_WITH_ATHENA=1 runs both.",
    ceBoth:
      "Cost Explorer collects the costs too (CAIRN_CE_WITH_ATHENA=1): both are paid for; where a FOCUS billing period is complete, its lines are the ones counted.",
  },
  fr: {
    title: "Requêtes Athena ce mois-ci",
    scanned: "lus",
    cost: "leur coût",
    cap: "plafond mensuel",
    note: "AWS facture 5 $US par To lu, 10 Mo au minimum par requête.",
    megabytes: "Mo",
    ceOff:
      "Athena collecte les coûts\u00a0: la collecte des coûts par Cost Explorer est coupée, ses requêtes ne sont donc pas payées pour les mêmes données, et la prévision de fin de mois est celle de Cairn. CAIRN_CE_WITH_ATHENA=1 fait tourner les deux.",
    ceBoth:
      "Cost Explorer collecte aussi les coûts (CAIRN_CE_WITH_ATHENA=1)\u00a0: les deux sont payés\u00a0; là où une période de facturation FOCUS est complète, ce sont ses lignes qui comptent.",
  },
};
