/** AWS service names in words a non-engineer understands, with the AWS name kept alongside. */
import type { Locale } from "../src/model";

const PLAIN: Record<string, { fr: string; en: string }> = {
  "AWS Lambda": { fr: "les fonctions de calcul à la demande", en: "on-demand compute functions" },
  "AWS Step Functions": {
    fr: "l'enchaînement automatique des traitements",
    en: "the automatic chaining of processing steps",
  },
  "Amazon Simple Storage Service": { fr: "le stockage de fichiers", en: "file storage" },
  "Amazon Relational Database Service": { fr: "la base de données", en: "the database" },
  "Amazon Elastic Compute Cloud - Compute": { fr: "les serveurs de calcul", en: "compute servers" },
  "EC2 - Other": { fr: "les disques et le réseau des serveurs", en: "server disks and networking" },
  "Amazon Elastic Container Service": { fr: "les conteneurs d'application", en: "application containers" },
  AmazonCloudWatch: { fr: "la surveillance technique", en: "technical monitoring" },
  "Amazon Simple Email Service": { fr: "l'envoi d'e-mails", en: "sending emails" },
  "AWS Data Transfer": { fr: "le transfert de données sur Internet", en: "data transfer over the Internet" },
  Tax: { fr: "la TVA", en: "VAT" },
};

/** `les serveurs de calcul (Amazon Elastic Compute Cloud - Compute)`, or the AWS name alone. */
export function plainService(service: string, locale: Locale): string {
  const plain = PLAIN[service]?.[locale];
  return plain ? `${plain} (${service})` : service;
}

/** A pipeline tag value as shown to readers; the empty tag is untagged spend. */
export function pipelineLabel(pipeline: string, locale: Locale): string {
  // One name for untagged spend everywhere (pages say "(sans étiquette)" too).
  if (pipeline === "") return locale === "fr" ? "sans étiquette" : "untagged";
  return pipeline;
}
