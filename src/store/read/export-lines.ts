/**
 * Cost lines with their footprints, read page by page for exports: a keyset on (day, id) keeps
 * memory flat however many lines there are, and works the same on SQLite and D1. The open-data
 * view sums them per month, pipeline, service and region, leaving accounts out.
 */
import { and, asc, eq, getTableColumns, gt, gte, lt, or, sql } from "drizzle-orm";
import type { CostLine, Period } from "../../model";
import { costLines, footprints } from "../schema/index";
import { countedLine } from "../source-precedence";
import type { CairnDb } from "../store";

/** A stored cost line (as read: any source name) with its id and its footprint's figures. */
export interface ExportLine extends Omit<CostLine, "source"> {
  id: number;
  source: string;
  energyKwh: number | null;
  co2eGrams: number | null;
  marketCo2eGrams: number | null;
  embodiedCo2eGrams: number | null;
  method: string | null;
  factorSet: string | null;
}

// Every column of the line as the schema declares it (but when it was collected).
const { collectedAt: _collectedAt, ...LINE_COLUMNS } = getTableColumns(costLines);

export async function* exportLinePages(db: CairnDb, period: Period, pageSize = 5000): AsyncGenerator<ExportLine[]> {
  let after: { day: string; id: number } | null = null;
  // Only the lines of the source counted for each account and day (never a dollar twice).
  for (;;) {
    const cursor = after;
    const page: ExportLine[] = await db
      .select({
        ...LINE_COLUMNS,
        energyKwh: footprints.energyKwh,
        co2eGrams: footprints.co2eGrams,
        marketCo2eGrams: footprints.marketCo2eGrams,
        embodiedCo2eGrams: footprints.embodiedCo2eGrams,
        method: footprints.method,
        factorSet: footprints.factorSet,
      })
      .from(costLines)
      .leftJoin(footprints, eq(footprints.costLineId, costLines.id))
      .where(
        and(
          gte(costLines.day, period.from),
          lt(costLines.day, period.to),
          countedLine(),
          cursor
            ? or(gt(costLines.day, cursor.day), and(eq(costLines.day, cursor.day), gt(costLines.id, cursor.id)))
            : undefined,
        ),
      )
      .orderBy(asc(costLines.day), asc(costLines.id))
      .limit(pageSize);
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1] as ExportLine;
    after = { day: last.day, id: last.id };
    if (page.length < pageSize) return;
  }
}

export interface OpenDataRow {
  month: string;
  pipeline: string;
  service: string;
  region: string;
  unblendedCostUsd: number;
  amortizedCostUsd: number;
  energyKwh: number;
  co2eGrams: number;
  /** The range of the location-based CO2e: sums of the footprints' low and high estimates. */
  co2eGramsLow: number;
  co2eGramsHigh: number;
  marketCo2eGrams: number;
  embodiedCo2eGrams: number;
  /** Distinct estimate methods and factor sets of the lines summed, comma-separated. */
  methods: string;
  factorSets: string;
  lines: number;
}

const month = sql<string>`substr(${costLines.day}, 1, 7)`;

/**
 * Open-data rows page by page. `byAccount` splits each row by account too (ordered last), for a
 * calibration that works per account; the caller sums the accounts back and drops the id.
 */
export async function* openDataPages(
  db: CairnDb,
  period: Period,
  pageSize = 5000,
  byAccount = false,
): AsyncGenerator<(OpenDataRow & { accountId: string })[]> {
  const account = byAccount ? costLines.accountId : sql<string>`''`;
  for (let offset = 0; ; offset += pageSize) {
    const rows = await db
      .select({
        accountId: account,
        month,
        pipeline: costLines.pipeline,
        service: costLines.service,
        region: costLines.region,
        unblendedCostUsd: sql<number>`sum(${costLines.unblendedCostUsd})`,
        amortizedCostUsd: sql<number>`sum(${costLines.amortizedCostUsd})`,
        energyKwh: sql<number>`coalesce(sum(${footprints.energyKwh}), 0)`,
        co2eGrams: sql<number>`coalesce(sum(${footprints.co2eGrams}), 0)`,
        co2eGramsLow: sql<number>`coalesce(sum(${footprints.co2eGramsLow}), 0)`,
        co2eGramsHigh: sql<number>`coalesce(sum(${footprints.co2eGramsHigh}), 0)`,
        marketCo2eGrams: sql<number>`coalesce(sum(${footprints.marketCo2eGrams}), 0)`,
        embodiedCo2eGrams: sql<number>`coalesce(sum(${footprints.embodiedCo2eGrams}), 0)`,
        methods: sql<string>`coalesce(group_concat(distinct ${footprints.method}), '')`,
        factorSets: sql<string>`coalesce(group_concat(distinct ${footprints.factorSet}), '')`,
        lines: sql<number>`count(*)`,
      })
      .from(costLines)
      .leftJoin(footprints, eq(footprints.costLineId, costLines.id))
      .where(and(gte(costLines.day, period.from), lt(costLines.day, period.to), countedLine()))
      .groupBy(month, costLines.pipeline, costLines.service, costLines.region, account)
      .orderBy(asc(month), asc(costLines.pipeline), asc(costLines.service), asc(costLines.region), asc(account))
      .limit(pageSize)
      .offset(offset);
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      ...r,
      methods: r.methods.split(",").filter(Boolean).sort().join(","),
      factorSets: r.factorSets.split(",").filter(Boolean).sort().join(","),
      lines: Number(r.lines),
    }));
    if (rows.length < pageSize) return;
  }
}
