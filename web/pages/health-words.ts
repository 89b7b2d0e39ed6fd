/** What the overview and the Data health page say of Cairn's health, in both languages. */
export const HEALTH_WORDS = {
  en: {
    heading: "Data collection needs attention",
    never: "{source} has never collected successfully.",
    neverRun: "{source} has not run yet: start a collection (Data health, Collect now) or wait for the schedule.",
    stale: "{source}: last successful collection {hours} h ago, more than 36 h.",
    unwritable: "The database cannot be written: check the file's permissions and the free disk space.",
    cloudwatch: "CloudWatch",
    "cost-explorer": "Cost Explorer",
  },
  fr: {
    heading: "La collecte des données demande votre attention",
    never: "{source} n'a encore jamais collecté avec succès.",
    neverRun:
      "{source} n'a pas encore tourné : lancez une collecte (Santé des données, Collecter maintenant) ou attendez la prochaine planifiée.",
    stale: "{source} : dernière collecte réussie il y a {hours} h, plus de 36 h.",
    unwritable:
      "La base de données n'accepte plus d'écriture : vérifiez les droits du fichier et l'espace disque disponible.",
    cloudwatch: "CloudWatch",
    "cost-explorer": "Cost Explorer",
  },
};
