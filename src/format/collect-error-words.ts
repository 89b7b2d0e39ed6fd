/**
 * What a failed collection or import means, in the reader's language, and what to do about it:
 * one sentence per recorded error kind (collection_runs.error_kind, set by the collectors'
 * error describers, the FOCUS import and the closing of interrupted runs). Pages and emails show
 * this sentence; the recorded text (AWS's own words, in English) may follow as the detail.
 */
import type { Locale } from "../model";

export const COLLECT_ERROR_KINDS = [
  "missing-credentials",
  "expired-credentials",
  "access-denied",
  "throttled",
  "no-data",
  "request-changed",
  "bill-expired",
  "invalid-request",
  "network",
  "malformed-answer",
  "request-cap",
  "interrupted",
  "damaged-file",
  "not-focus",
  "import-refused",
  "export-not-found",
  "athena-cap",
  "athena-bytes-limit",
  "athena-failed",
  "athena-cancelled",
  "athena-timeout",
  "organizations-denied",
  "organizations-not-in-use",
  "other",
] as const;

export type CollectErrorKind = (typeof COLLECT_ERROR_KINDS)[number];

export const COLLECT_ERROR_WORDS = {
  en: {
    "missing-credentials":
      "No AWS credentials are configured: set them up the AWS way (AWS_PROFILE and aws sso login, a role, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), then collect again.",
    "expired-credentials":
      "The AWS credentials have expired or are no longer valid: renew them (for example aws sso login), then collect again.",
    "access-denied":
      "AWS refused access: grant the credentials' role the IAM actions listed in the README (ce:GetCostAndUsage, cloudwatch:GetMetricData...), then collect again.",
    throttled:
      "AWS limited the request rate and still refused after several attempts; nothing was written. Nothing to do: the next scheduled collection tries again.",
    "no-data":
      "Cost Explorer has no figures for this period yet (a new account, or Cost Explorer enabled less than a day ago). Nothing to do: the next collection tries again; if this lasts more than a day, check that Cost Explorer is enabled in the AWS billing console.",
    "request-changed":
      "AWS updated its figures while Cairn was reading them; nothing was written. Nothing to do: the next collection reads the period again.",
    "bill-expired":
      "The period asked for is older than Cost Explorer keeps (13 months): ask for a shorter history (CAIRN_BACKFILL_MONTHS, or a later --from date).",
    "invalid-request":
      "AWS rejected the request as invalid: check the settings it is built from (CAIRN_PIPELINE_TAG, CAIRN_CLOUDWATCH_REGIONS, the --from and --to dates); if they are right, report the detail below as a Cairn bug.",
    network:
      "AWS could not be reached: check this machine's network connection, its proxy, and the AWS_ENDPOINT_URL_* settings if any, then collect again.",
    "malformed-answer":
      "AWS's answer could not be read (cut short or malformed); nothing was written. The next collection tries again; if this repeats, check any proxy between Cairn and AWS.",
    "request-cap":
      "This month's Cost Explorer request cap (CAIRN_CE_MAX_REQUESTS) is reached: collection resumes next month, unless you raise the cap.",
    interrupted:
      "The collection stopped before it finished (the process ended or was stopped); nothing it fetched was kept. Nothing to do: the next collection starts again.",
    "damaged-file":
      "An export file is damaged or truncated, so nothing was imported from it: import it again once AWS has delivered it whole, or import a good copy.",
    "not-focus":
      "A file is not a FOCUS export Cairn can read (a required column is missing): check that the AWS Data Export is of type FOCUS 1.0 to 1.2, then import again.",
    "import-refused":
      "The import was stopped and nothing was written (too many bad rows, or an import this runtime cannot do): correct the file or raise CAIRN_IMPORT_MAX_ERRORS, then import again.",
    "export-not-found":
      "The FOCUS export was not found where CAIRN_FOCUS_EXPORT points (no such folder, bucket or prefix): check that setting against the AWS Data Export's delivery location.",
    "athena-cap":
      "The Athena query was not run: with it, this month's Athena spending would pass the cap (CAIRN_ATHENA_MAX_USD); nothing was written. Raise the cap, or wait for next month.",
    "athena-bytes-limit":
      "Athena stopped the query at the workgroup's per-query data limit (CAIRN_ATHENA_WORKGROUP); nothing was written. Raise the workgroup's limit in the Athena console, or check that the export's table is partitioned by billing period.",
    "athena-failed":
      "The Athena query failed; nothing was written. Check the detail below (table name CAIRN_ATHENA_TABLE, its columns, the output location CAIRN_ATHENA_OUTPUT and the IAM actions in the README), then collect again.",
    "athena-cancelled":
      "The Athena query was cancelled (by someone in the console, or by AWS) before it finished; nothing was written. Nothing to do: the next collection runs it again.",
    "athena-timeout":
      "The Athena query took too long and Cairn stopped it; nothing was written. The next collection tries again; if this repeats, check the workgroup's capacity.",
    "organizations-denied":
      "AWS Organizations refused to list the accounts: only the organisation's management account, or a member account registered as a delegated administrator, may do so, with the IAM action organizations:ListAccounts. Cost collection is not affected; account names stay as they were. Give Cairn such credentials (CAIRN_AWS_ROLE_ARN), name the accounts with CAIRN_ACCOUNT_NAMES, or turn CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS off.",
    "organizations-not-in-use":
      "These AWS credentials belong to an account that is in no AWS Organizations organisation, so there are no account names to read there. Cost collection is not affected. Name the accounts with CAIRN_ACCOUNT_NAMES, or turn CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS off.",
    other:
      "The collection failed for a reason Cairn does not recognise: try again, and if it happens again, report it with the detail below.",
    detail: "Detail",
  },
  fr: {
    "missing-credentials":
      "Aucun identifiant AWS n’est configuré\u00a0: configurez-les comme AWS le prévoit (AWS_PROFILE et aws sso login, un rôle, ou AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY), puis relancez la collecte.",
    "expired-credentials":
      "Les identifiants AWS ont expiré ou ne sont plus valides\u00a0: renouvelez-les (par exemple aws sso login), puis relancez la collecte.",
    "access-denied":
      "AWS a refusé l’accès\u00a0: accordez au rôle des identifiants les actions IAM listées dans le README (ce:GetCostAndUsage, cloudwatch:GetMetricData…), puis relancez la collecte.",
    throttled:
      "AWS a limité le rythme des requêtes et refusait encore après plusieurs essais\u00a0; rien n’a été écrit. Rien à faire\u00a0: la prochaine collecte planifiée réessaiera.",
    "no-data":
      "Cost Explorer n’a pas encore de chiffres pour cette période (compte récent, ou Cost Explorer activé depuis moins d’un jour). Rien à faire\u00a0: la prochaine collecte réessaiera\u00a0; si cela dure plus d’un jour, vérifiez que Cost Explorer est activé dans la console de facturation AWS.",
    "request-changed":
      "AWS a mis à jour ses chiffres pendant que Cairn les lisait\u00a0; rien n’a été écrit. Rien à faire\u00a0: la prochaine collecte relira la période.",
    "bill-expired":
      "La période demandée est plus ancienne que ce que Cost Explorer conserve (13 mois)\u00a0: demandez un historique plus court (CAIRN_BACKFILL_MONTHS, ou une date --from plus récente).",
    "invalid-request":
      "AWS a rejeté la requête comme invalide\u00a0: vérifiez les réglages dont elle dépend (CAIRN_PIPELINE_TAG, CAIRN_CLOUDWATCH_REGIONS, les dates --from et --to)\u00a0; s’ils sont justes, signalez le détail ci-dessous comme un défaut de Cairn.",
    network:
      "AWS n’a pas pu être joint\u00a0: vérifiez la connexion réseau de cette machine, son proxy et, s’il y en a, les réglages AWS_ENDPOINT_URL_*, puis relancez la collecte.",
    "malformed-answer":
      "La réponse d’AWS n’a pas pu être lue (tronquée ou mal formée)\u00a0; rien n’a été écrit. La prochaine collecte réessaiera\u00a0; si cela se répète, vérifiez le proxy éventuel entre Cairn et AWS.",
    "request-cap":
      "Le plafond mensuel de requêtes Cost Explorer (CAIRN_CE_MAX_REQUESTS) est atteint\u00a0: la collecte reprendra le mois prochain, à moins que vous ne releviez ce plafond.",
    interrupted:
      "La collecte s’est arrêtée avant la fin (le processus s’est terminé ou a été arrêté)\u00a0; rien de ce qu’elle avait lu n’a été gardé. Rien à faire\u00a0: la prochaine collecte repartira.",
    "damaged-file":
      "Un fichier d’export est endommagé ou incomplet, rien n’en a donc été importé\u00a0: importez-le de nouveau une fois qu’AWS l’aura livré en entier, ou importez-en une copie saine.",
    "not-focus":
      "Un fichier n’est pas un export FOCUS que Cairn sait lire (il manque une colonne obligatoire)\u00a0: vérifiez que l’export de données AWS est de type FOCUS 1.0 à 1.2, puis importez de nouveau.",
    "import-refused":
      "L’import a été arrêté et rien n’a été écrit (trop de lignes erronées, ou un import que cet environnement ne sait pas faire)\u00a0: corrigez le fichier ou relevez CAIRN_IMPORT_MAX_ERRORS, puis importez de nouveau.",
    "export-not-found":
      "L’export FOCUS est introuvable là où pointe CAIRN_FOCUS_EXPORT (dossier, compartiment ou préfixe inexistant)\u00a0: comparez ce réglage à l’emplacement de livraison de l’export de données AWS.",
    "athena-cap":
      "La requête Athena n’a pas été lancée : avec elle, les dépenses Athena du mois dépasseraient le plafond (CAIRN_ATHENA_MAX_USD) ; rien n’a été écrit. Relevez le plafond, ou attendez le mois prochain.",
    "athena-bytes-limit":
      "Athena a arrêté la requête à la limite de données par requête du groupe de travail (CAIRN_ATHENA_WORKGROUP) ; rien n’a été écrit. Relevez cette limite dans la console Athena, ou vérifiez que la table de l’export est partitionnée par période de facturation.",
    "athena-failed":
      "La requête Athena a échoué ; rien n’a été écrit. Voyez le détail ci-dessous (nom de table CAIRN_ATHENA_TABLE, ses colonnes, l’emplacement de sortie CAIRN_ATHENA_OUTPUT et les actions IAM du README), puis relancez la collecte.",
    "athena-cancelled":
      "La requête Athena a été annulée (depuis la console, ou par AWS) avant la fin ; rien n’a été écrit. Rien à faire : la prochaine collecte la relancera.",
    "athena-timeout":
      "La requête Athena a duré trop longtemps et Cairn l’a arrêtée ; rien n’a été écrit. La prochaine collecte réessaiera ; si cela se répète, vérifiez la capacité du groupe de travail.",
    "organizations-denied":
      "AWS Organizations a refusé de lister les comptes\u00a0: seul le compte de gestion de l’organisation, ou un compte membre enregistré comme administrateur délégué, peut le faire, avec l’action IAM organizations:ListAccounts. La collecte des coûts n’est pas touchée\u00a0; les noms des comptes restent ceux d’avant. Donnez à Cairn de tels identifiants (CAIRN_AWS_ROLE_ARN), nommez les comptes avec CAIRN_ACCOUNT_NAMES, ou désactivez CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS.",
    "organizations-not-in-use":
      "Ces identifiants AWS appartiennent à un compte qui ne fait partie d’aucune organisation AWS Organizations\u00a0: il n’y a donc pas de noms de comptes à y lire. La collecte des coûts n’est pas touchée. Nommez les comptes avec CAIRN_ACCOUNT_NAMES, ou désactivez CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS.",
    other:
      "La collecte a échoué pour une raison que Cairn ne reconnaît pas\u00a0: réessayez et, si cela se reproduit, signalez-le avec le détail ci-dessous.",
    detail: "Détail (en anglais)",
  },
} satisfies Record<Locale, Record<CollectErrorKind | "detail", string>>;

/** A recorded kind as one of the known ones: an unknown or missing kind reads as "other". */
export function errorKindOf(kind: string | null | undefined): CollectErrorKind {
  return (COLLECT_ERROR_KINDS as readonly string[]).includes(kind ?? "") ? (kind as CollectErrorKind) : "other";
}

/** What a failed run says to the reader: the sentence for its kind, and the recorded text as detail. */
export function collectErrorText(
  kind: string | null | undefined,
  recorded: string | null | undefined,
  locale: Locale,
): { message: string; detail: string | null; detailLabel: string } {
  const w = COLLECT_ERROR_WORDS[locale];
  return { message: w[errorKindOf(kind)], detail: recorded?.trim() ? recorded.trim() : null, detailLabel: w.detail };
}
