/**
 * The parts of a cost-line upsert both drivers share: the natural key that makes a second write
 * an update, and what an update replaces (the figures, never the key). The source is part of the
 * key: each source keeps its own lines, and cost_source_days says which one counts.
 */
import { sql } from "drizzle-orm";
import { costLines } from "./schema/index";

export const NATURAL_KEY = [
  costLines.day,
  costLines.accountId,
  costLines.service,
  costLines.region,
  costLines.usageType,
  costLines.pipeline,
  costLines.source,
] as const;

export const LINE_UPDATE = {
  unblendedCostUsd: sql`excluded.unblended_cost_usd`,
  amortizedCostUsd: sql`excluded.amortized_cost_usd`,
  usageAmount: sql`excluded.usage_amount`,
  usageUnit: sql`excluded.usage_unit`,
  estimated: sql`excluded.estimated`,
  collectedAt: sql`excluded.collected_at`,
};
