/** What the overview and the Data health page say of Cairn's health, in both languages. */
export const HEALTH_WORDS = {
  en: {
    heading: "Data collection needs attention",
    never: "{source} has never collected successfully.",
    neverRun: "{source} has not run yet: start a collection (Data health, Collect now) or wait for the schedule.",
    stale: "{source}: last successful collection {hours} h ago, more than 36 h.",
    unwritable: "The database cannot be written: check the file's permissions and the free disk space.",
    "missing-credentials":
      "No AWS credentials are configured: set them up the AWS way (AWS_PROFILE and aws sso login, a role, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), then collect again.",
    "expired-credentials":
      "The AWS credentials have expired or are no longer valid: renew them (for example aws sso login), then collect again.",
    "access-denied":
      "AWS refused access: grant the credentials' role the IAM actions listed in the README (ce:GetCostAndUsage, cloudwatch:GetMetricData...), then collect again.",
    lastError: "Last error",
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
    "missing-credentials":
      "Aucun identifiant AWS n'est configuré : configurez-les comme AWS le prévoit (AWS_PROFILE et aws sso login, un rôle, ou AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY), puis relancez la collecte.",
    "expired-credentials":
      "Les identifiants AWS ont expiré ou ne sont plus valides : renouvelez-les (par exemple aws sso login), puis relancez la collecte.",
    "access-denied":
      "AWS a refusé l'accès : accordez au rôle des identifiants les actions IAM listées dans le README (ce:GetCostAndUsage, cloudwatch:GetMetricData…), puis relancez la collecte.",
    lastError: "Dernière erreur",
    cloudwatch: "CloudWatch",
    "cost-explorer": "Cost Explorer",
  },
};
