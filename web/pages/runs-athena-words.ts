/** The data health page's Athena tile (./runs-athena.tsx). */
export const RUNS_ATHENA_WORDS = {
  en: {
    title: "Athena queries this month",
    scanned: "scanned",
    cost: "what they cost",
    cap: "monthly cap",
    note: "AWS bills USD 5 per TB scanned, at least 10 MB per query.",
    megabytes: "MB",
  },
  fr: {
    title: "Requêtes Athena ce mois-ci",
    scanned: "lus",
    cost: "leur coût",
    cap: "plafond mensuel",
    note: "AWS facture 5 $US par To lu, 10 Mo au minimum par requête.",
    megabytes: "Mo",
  },
};
