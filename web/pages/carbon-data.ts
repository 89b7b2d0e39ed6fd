/**
 * What the carbon page shows, gathered from the carbon read models: 13 months of CO2e, the chosen
 * period's totals by service, region and pipeline, its coverage, and the region what-if. Also the
 * coverage of a filtered cost selection, for the cost explorer's total line.
 */
import { type AnyColumn, and, eq, gte, lt, ne, type SQL, sql } from "drizzle-orm";
import { type PipelineWhatIf, regionWhatIf, WHAT_IF_REGIONS } from "../../src/carbon/what-if";
import { monthsEndingAt } from "../../src/charts/carbon-charts";
import { addDays, addMonths, firstDayOfMonth, isValidDay, monthOf, toDay } from "../../src/days";
import type { CarbonCoverage, CostLine, EstimateMethod, Footprint, Month, Period, UsageClass } from "../../src/model";
import type { EstimatedLine } from "../../src/store/cost-lines";
import {
  type CarbonGroupRow,
  type CarbonMonthRow,
  type CarbonTotalsRow,
  carbonBy,
  carbonByMonth,
  carbonCoverage,
  carbonTotals,
} from "../../src/store/read/carbon";
import { costLines, footprints } from "../../src/store/schema/index";
import { readDb, type Store } from "../../src/store/store";
import { BadParameter } from "../api/params";
import type { WebDeps } from "../deps";

export const CARBON_MONTHS = 13;
const PARAMS = ["from", "to"] as const;

/** `from` and `to` (UTC days, `to` exclusive); default: the current month so far. */
export function parseCarbonQuery(query: Record<string, string>, now: Date): Period {
  for (const name of Object.keys(query)) {
    if (!(PARAMS as readonly string[]).includes(name)) {
      throw new BadParameter(name, `unknown parameter; expected one of ${PARAMS.join(", ")}`);
    }
  }
  for (const name of PARAMS) {
    const value = query[name];
    if (value !== undefined && !isValidDay(value)) throw new BadParameter(name, "must be a date YYYY-MM-DD");
  }
  const today = toDay(now);
  const from = query.from ?? firstDayOfMonth(monthOf(today));
  const to = query.to ?? addDays(today, 1);
  if (from >= to) throw new BadParameter("to", `must be after from (${from}); to is exclusive`);
  return { from, to };
}

export interface CarbonPageData {
  period: Period;
  /** The 13 months of the monthly chart, oldest first, ending with the current month. */
  months: Month[];
  byMonth: CarbonMonthRow[];
  totals: CarbonTotalsRow;
  coverage: CarbonCoverage;
  byService: CarbonGroupRow[];
  byRegion: CarbonGroupRow[];
  byPipeline: CarbonGroupRow[];
  whatIf: PipelineWhatIf[];
  whatIfRegions: readonly string[];
}

/**
 * The what-if's input, summed by everything `inRegion` depends on (pipeline, the line's region
 * and usage type, which give its source region, factor set and method). Re-expressing a
 * footprint in another region is linear in its energies, so the sums give exactly what the
 * lines one by one would, without reading every line per request.
 */
export async function whatIfInputs(store: Store, period: Period): Promise<EstimatedLine[]> {
  const sum = (column: SQL | AnyColumn) => sql<number>`coalesce(sum(${column}), 0)`;
  const rows = await readDb(store)
    .select({
      pipeline: costLines.pipeline,
      region: costLines.region,
      usageType: costLines.usageType,
      factorSet: footprints.factorSet,
      method: footprints.method,
      usageClass: footprints.usageClass,
      costUsd: sum(costLines.unblendedCostUsd),
      energyKwh: sum(footprints.energyKwh),
      cpuKwh: sum(footprints.cpuKwh),
      memoryKwh: sum(footprints.memoryKwh),
      storageKwh: sum(footprints.storageKwh),
      networkKwh: sum(footprints.networkKwh),
      gpuKwh: sum(footprints.gpuKwh),
      co2eGrams: sum(footprints.co2eGrams),
      marketCo2eGrams: sum(footprints.marketCo2eGrams),
      embodiedCo2eGrams: sum(footprints.embodiedCo2eGrams),
    })
    .from(costLines)
    .innerJoin(footprints, eq(footprints.costLineId, costLines.id))
    .where(and(gte(costLines.day, period.from), lt(costLines.day, period.to), ne(footprints.method, "excluded")))
    .groupBy(
      costLines.pipeline,
      costLines.region,
      costLines.usageType,
      footprints.factorSet,
      footprints.method,
      footprints.usageClass,
    );
  return rows.map((r) => {
    const line: CostLine = {
      day: period.from,
      accountId: "",
      service: "",
      region: r.region,
      usageType: r.usageType,
      pipeline: r.pipeline,
      unblendedCostUsd: Number(r.costUsd),
      amortizedCostUsd: Number(r.costUsd),
      usageAmount: 0,
      usageUnit: "",
      estimated: false,
      source: "demo",
    };
    const footprint: Footprint = {
      usageClass: r.usageClass as UsageClass,
      method: r.method as EstimateMethod,
      factorSet: r.factorSet,
      energyKwh: Number(r.energyKwh),
      cpuKwh: Number(r.cpuKwh),
      memoryKwh: Number(r.memoryKwh),
      storageKwh: Number(r.storageKwh),
      networkKwh: Number(r.networkKwh),
      gpuKwh: Number(r.gpuKwh),
      co2eGrams: Number(r.co2eGrams),
      marketCo2eGrams: Number(r.marketCo2eGrams),
      embodiedCo2eGrams: Number(r.embodiedCo2eGrams),
      reason: "",
      fallback: null,
      utilisation: null,
    };
    return { line, footprint };
  });
}

export async function loadCarbon(deps: WebDeps, period: Period): Promise<CarbonPageData> {
  const store = deps.store;
  const current = monthOf(toDay(deps.now()));
  const months = monthsEndingAt(current, CARBON_MONTHS);
  const monthsPeriod = { from: firstDayOfMonth(months[0] ?? current), to: firstDayOfMonth(addMonths(current, 1)) };
  const [byMonth, totals, coverage, byService, byRegion, byPipeline, inputs] = await Promise.all([
    carbonByMonth(store, monthsPeriod),
    carbonTotals(store, period),
    carbonCoverage(store, period),
    carbonBy(store, period, "service"),
    carbonBy(store, period, "region"),
    carbonBy(store, period, "pipeline"),
    whatIfInputs(store, period),
  ]);
  return {
    period,
    months,
    byMonth,
    totals,
    coverage,
    byService,
    byRegion,
    byPipeline,
    whatIf: regionWhatIf(inputs, WHAT_IF_REGIONS),
    whatIfRegions: WHAT_IF_REGIONS,
  };
}
