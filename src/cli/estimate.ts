/**
 * `cairn estimate FILE`: energy and CO2e for the usage lines of a CSV or JSON file, printed one
 * result per input line, in order. `cairn estimate --recompute`: re-estimates every stored line
 * with the configured factor set, month by month (a month is the scope of the cost-ratio proxy).
 */
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { csvField } from "../../reports/export/csv";
import { applyScale } from "../carbon/calibration-scales";
import { coverageOf } from "../carbon/coverage";
import { estimateLines } from "../carbon/estimate";
import { FACTOR_SETS, factorSetByName, factorSetLabel } from "../carbon/factor-sets";
import { footprintRecord } from "../carbon/footprint-batch";
import { addDays } from "../days";
import type { CostLine, Footprint } from "../model";
import { FOOTPRINT_COLUMN_KEYS } from "../store/cost-line-columns";
import { type EstimatedLine, upsertCostLines } from "../store/cost-lines";
import { loadCalibration } from "../store/read/carbon-calibration";
import { costLines } from "../store/schema/index";
import { readDb, type Store } from "../store/store";
import { type CliContext, CliFailure, type Command, type ParsedValues, UsageError } from "./command";
import { InputError, parseUsageFile } from "./estimate-input";

/** What a person passed in, then every footprint column as the schema declares it. */
const INPUT_COLUMNS = ["line", "day", "service", "region", "usageType", "usageAmount", "usageUnit", "costUsd"] as const;
const COLUMNS = [...INPUT_COLUMNS, ...FOOTPRINT_COLUMN_KEYS] as const;

type Row = Record<(typeof INPUT_COLUMNS)[number], string | number> & Footprint & { calibrated?: boolean };

function toRow(item: EstimatedLine, index: number): Row {
  const { line, footprint } = item;
  if (!footprint) throw new Error("estimateLines returned a line without a footprint");
  return {
    line: index + 1,
    day: line.day,
    service: line.service,
    region: line.region,
    usageType: line.usageType,
    usageAmount: line.usageAmount,
    usageUnit: line.usageUnit,
    costUsd: line.unblendedCostUsd,
    ...footprintRecord(footprint),
  };
}

export function formatRows(rows: Row[], format: "json" | "csv"): string {
  if (format === "json") return JSON.stringify(rows, null, 2);
  // With calibration, a last column says which rows carry AWS's scale.
  const columns: (keyof Row)[] = rows.some((r) => r.calibrated !== undefined)
    ? [...COLUMNS, "calibrated"]
    : [...COLUMNS];
  return [columns.join(","), ...rows.map((r) => columns.map((c) => csvField(r[c] ?? null)).join(","))].join("\n");
}

/**
 * CAIRN_CARBON_CALIBRATION=aws: each row scaled by its (month, account, service, region)'s
 * calibration, the ratio of AWS's figure to Cairn's stored estimate (rows without an account, or
 * in a group AWS has not published, stay Cairn's), with `calibrated` saying which.
 */
async function calibrated(ctx: CliContext, items: readonly EstimatedLine[], rows: Row[]): Promise<Row[]> {
  if (ctx.config.CAIRN_CARBON_CALIBRATION !== "aws" || items.length === 0) return rows;
  const days = items.map((i) => i.line.day).sort();
  const period = { from: days[0] as string, to: addDays(days.at(-1) as string, 1) };
  const cal = await loadCalibration(ctx.openStore(), "aws", period);
  return rows.map((r, i) => {
    const line = (items[i] as EstimatedLine).line;
    const scale = cal?.scaleOf(line.day, line.accountId, line.service, line.region);
    if (!scale) return { ...r, calibrated: false };
    const c = applyScale(
      {
        co2eGrams: Number(r.co2eGrams),
        co2eGramsLow: Number(r.co2eGramsLow),
        co2eGramsHigh: Number(r.co2eGramsHigh),
        marketCo2eGrams: Number(r.marketCo2eGrams),
        costUsd: line.unblendedCostUsd,
      },
      scale,
    );
    return { ...r, ...c, costUsd: r.costUsd, calibrated: true };
  });
}

function factorSetOption(values: ParsedValues, fallback: string) {
  const name = values.factors;
  if (name !== undefined && typeof name !== "string") throw new UsageError("--factors takes a name");
  try {
    return factorSetByName(name ?? fallback);
  } catch (error) {
    if (name !== undefined) throw new UsageError((error as Error).message);
    throw new CliFailure(`CAIRN_FACTOR_SET: ${(error as Error).message}`);
  }
}

async function estimateFile(ctx: CliContext, file: string, values: ParsedValues): Promise<number> {
  const format = values.format ?? "json";
  if (format !== "json" && format !== "csv")
    throw new UsageError(`--format must be json or csv, got ${JSON.stringify(format)}`);
  const set = factorSetOption(values, ctx.config.CAIRN_FACTOR_SET);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliFailure(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let lines: CostLine[];
  try {
    lines = parseUsageFile(file, text);
  } catch (error) {
    if (error instanceof InputError) throw new CliFailure(`${file}: ${error.problems.map((p) => `\n  ${p}`).join("")}`);
    throw error;
  }
  const items = estimateLines(lines, { factorSet: set });
  ctx.out(formatRows(await calibrated(ctx, items, items.map(toRow)), format));
  return 0;
}

function storedLine(r: typeof costLines.$inferSelect): CostLine {
  return {
    day: r.day,
    accountId: r.accountId,
    service: r.service,
    region: r.region,
    usageType: r.usageType,
    pipeline: r.pipeline,
    unblendedCostUsd: r.unblendedCostUsd,
    amortizedCostUsd: r.amortizedCostUsd,
    usageAmount: r.usageAmount,
    usageUnit: r.usageUnit,
    estimated: r.estimated,
    source: r.source as CostLine["source"],
  };
}

/** Re-estimates every stored line, one month at a time; keeps each line's collectedAt. */
export async function recompute(
  store: Store,
  factorSet: string,
  progress: (text: string) => void,
): Promise<EstimatedLine[]> {
  const db = readDb(store);
  const month = sql<string>`substr(${costLines.day}, 1, 7)`;
  const months = await db.selectDistinct({ month }).from(costLines).orderBy(month);
  const all: EstimatedLine[] = [];
  for (const { month: m } of months) {
    const rows = await db
      .select()
      .from(costLines)
      .where(sql`substr(${costLines.day}, 1, 7) = ${m}`)
      .orderBy(costLines.id);
    const items = estimateLines(rows.map(storedLine), { factorSet });
    const byCollectedAt = new Map<string, EstimatedLine[]>();
    rows.forEach((r, i) => {
      const group = byCollectedAt.get(r.collectedAt) ?? [];
      group.push(items[i] as EstimatedLine);
      byCollectedAt.set(r.collectedAt, group);
    });
    for (const [collectedAt, group] of byCollectedAt) await upsertCostLines(store, group, collectedAt);
    all.push(...items);
    progress(`${m}: ${rows.length} lines`);
  }
  return all;
}

export const estimateCommand: Command = {
  name: "estimate",
  summary: "Energy and CO2e for usage lines in a CSV or JSON file, or re-estimate stored lines",
  usage: `Usage: cairn estimate FILE [--format json|csv] [--factors NAME]
       cairn estimate --recompute [--factors NAME]

FILE is CSV (with a header row) or JSON (an array of objects) with the columns day, service
(as Cost Explorer or FOCUS names it), region, usageType, usageAmount, usageUnit, and optional
cost (USD, used by the cost-ratio proxy), account and pipeline. Other columns are ignored.
One result is printed per input line, in order: usageClass, method, energyKwh with its range
(energyKwhLow, energyKwhHigh) and by component, co2eGrams (location-based) with its range
(co2eGramsLow, co2eGramsHigh), marketCo2eGrams, embodiedCo2eGrams, factorSet, fallback, reason.
With CAIRN_CARBON_CALIBRATION=aws, the CO2e of a row whose month, account, service and region
AWS has published (imported into CAIRN_DB) is scaled by AWS's figure over Cairn's stored
estimate for that group, and a last field, calibrated, says so.

--recompute re-estimates every line stored in CAIRN_DB with the factor set CAIRN_FACTOR_SET
(or --factors), after a factor change.

Factor sets: ${Object.keys(FACTOR_SETS).join(", ")} (default from CAIRN_FACTOR_SET).`,
  options: {
    format: { type: "string" },
    factors: { type: "string" },
    recompute: { type: "boolean" },
  },
  positionals: true,
  async run(ctx, values, positionals) {
    if (values.recompute) {
      if (positionals.length > 0) throw new UsageError("--recompute takes no FILE");
      if (values.format !== undefined) throw new UsageError("--format applies to FILE only");
      const set = factorSetOption(values, ctx.config.CAIRN_FACTOR_SET);
      const items = await recompute(ctx.openStore(), set.name, ctx.interactive ? ctx.err : () => {});
      const c = coverageOf(items);
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      ctx.out(
        `Re-estimated ${items.length} lines with ${factorSetLabel(set)}. Coverage of cost: physical ${pct(c.physicalShare)}, proxy ${pct(c.proxyShare)}, excluded ${pct(c.excludedShare)}.`,
      );
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError("give one FILE, or --recompute");
    return estimateFile(ctx, positionals[0] as string, values);
  },
};
