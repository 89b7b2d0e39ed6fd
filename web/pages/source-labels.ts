/**
 * How a cost line's source reads on the pages (the API and the CSV keep the raw identifiers).
 * Unknown sources show as they are stored.
 */
import type { CostSource, Locale } from "../../src/model";

const SOURCE_LABELS: Record<Locale, Record<CostSource, string>> = {
  en: {
    "cost-explorer": "Cost Explorer (collected)",
    focus: "FOCUS export (imported)",
    demo: "Demo data",
    import: "Import",
  },
  fr: {
    "cost-explorer": "Cost Explorer (collecté)",
    focus: "Export FOCUS (importé)",
    demo: "Données de démonstration",
    import: "Import",
  },
};

export function sourceLabel(source: string, locale: Locale): string {
  return (SOURCE_LABELS[locale] as Record<string, string>)[source] ?? source;
}

/** Runs also come from sources that write no cost lines of their own (CloudWatch's metrics; Athena writes FOCUS lines). */
const RUN_ONLY_LABELS: Record<Locale, Record<string, string>> = {
  en: {
    cloudwatch: "CloudWatch (metrics collected)",
    athena: "Athena (FOCUS export in S3)",
    organizations: "AWS Organizations (account names)",
  },
  fr: {
    cloudwatch: "CloudWatch (métriques collectées)",
    athena: "Athena (export FOCUS dans S3)",
    organizations: "AWS Organizations (noms des comptes)",
  },
};

/** How a collection run's source reads on the data health page. */
export function runSourceLabel(source: string, locale: Locale): string {
  return RUN_ONLY_LABELS[locale][source] ?? sourceLabel(source, locale);
}
