/**
 * The region what-if's input from the store: footprints summed by what re-expressing them in
 * another region depends on. Lives beside the other carbon read models; the page only shows it.
 */
import { type AnyColumn, and, eq, gte, lt, ne, type SQL, sql } from "drizzle-orm";
import type { CostLine, EstimateMethod, Footprint, Period, UsageClass } from "../../model";
import type { EstimatedLine } from "../cost-lines";
import { costLines, footprints } from "../schema/index";
import { countedLine } from "../source-precedence";
import { readDb, type Store } from "../store";

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
      energyKwhLow: sum(footprints.energyKwhLow),
      energyKwhHigh: sum(footprints.energyKwhHigh),
      co2eGramsLow: sum(footprints.co2eGramsLow),
      co2eGramsHigh: sum(footprints.co2eGramsHigh),
    })
    .from(costLines)
    .innerJoin(footprints, eq(footprints.costLineId, costLines.id))
    .where(
      and(
        gte(costLines.day, period.from),
        lt(costLines.day, period.to),
        ne(footprints.method, "excluded"),
        countedLine(),
      ),
    )
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
      energyKwhLow: Number(r.energyKwhLow),
      energyKwhHigh: Number(r.energyKwhHigh),
      co2eGramsLow: Number(r.co2eGramsLow),
      co2eGramsHigh: Number(r.co2eGramsHigh),
      reason: "",
      fallback: null,
      utilisation: null,
    };
    return { line, footprint };
  });
}
