/**
 * An independent, deliberately plain reading of the FOCUS sample for tests to compare the
 * importer against: the sample has no line breaks inside fields, only quoted commas and quotes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const FOCUS_SAMPLE = join(import.meta.dirname, "../fixtures/focus/focus-1.0-sample.csv");

export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Records of a header-first CSV text, keyed by column name; `#` lines skipped. */
export function plainCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l !== "" && !l.startsWith("#"));
  const names = splitCsvLine(head ?? "");
  return lines.map((l) => Object.fromEntries(splitCsvLine(l).map((v, i) => [names[i], v])));
}

export function sampleRows(): Record<string, string>[] {
  return plainCsv(readFileSync(FOCUS_SAMPLE, "utf8"));
}

export function sampleAwsTotal(): number {
  return sampleRows()
    .filter((r) => r.ProviderName === "AWS")
    .reduce((s, r) => s + Number(r.BilledCost), 0);
}

/**
 * Per-service totals keyed the way Cairn stores them: FOCUS's spellings in Cost Explorer's
 * vocabulary, written out for the sample's services (src/aws/service-names.ts is what is tested).
 * EC2 is one service in FOCUS and two in Cost Explorer: both are summed under `EC2 (all)`, so
 * the split is checked apart.
 */
const SAMPLE_CE_NAMES: Record<string, string> = {
  "Elastic Load Balancing": "Amazon Elastic Load Balancing",
  "Amazon Elastic Compute Cloud": "EC2 (all)",
};

export function withCostExplorerNames(byService: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [service, cost] of byService) {
    const name =
      service === "Amazon Elastic Compute Cloud - Compute" || service === "EC2 - Other"
        ? "EC2 (all)"
        : (SAMPLE_CE_NAMES[service] ?? service);
    out.set(name, (out.get(name) ?? 0) + cost);
  }
  return out;
}
