/**
 * The explorer's tuning parameters on top of the shared cost query (./params.ts):
 * `groupBy=service,usageType` (one or two dimensions), `granularity=day|month`,
 * `compare=previous`, `chargeType=usage|tax|credit|fee|support`, `costType=amortised|unblended`
 * and the `usageType` filter. Each failure names its parameter.
 */
import { CHARGE_TYPES, type ChargeType } from "../../src/analysis/charge-type";
import { daysBetween } from "../../src/days";
import type { Period } from "../../src/model";
import {
  type CostType,
  EXPLORE_DIMENSIONS,
  type ExploreDimension,
  type ExploreQuery,
  type Granularity,
} from "../../src/store/read/cost-explorer";
import { BadParameter, type ParsedCostQuery, parseCostQuery } from "./params";

/**
 * Beyond this many days, a range is shown month by month unless `granularity` says otherwise:
 * thirteen months by day was a chart of 396 bars and a table of 396 rows (a 13,536 px page).
 */
export const DAILY_UP_TO_DAYS = 62;

/**
 * The page's time step when none is asked for: days up to 62 days, months beyond. The API keeps
 * `day` as its default (scripts rely on it); the page's CSV link names the step it used.
 */
export function defaultGranularity(period: Period): Granularity {
  return daysBetween(period.from, period.to) > DAILY_UP_TO_DAYS ? "month" : "day";
}

export interface ParsedExploreQuery extends ExploreQuery {
  /** The shared part, as the other cost routes read it. */
  base: ParsedCostQuery;
}

const COST_TYPES: readonly CostType[] = ["amortised", "unblended"];
const GRANULARITIES: readonly Granularity[] = ["day", "month"];
const OWN = ["groupBy", "granularity", "compare", "chargeType", "costType", "usageType"];

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new BadParameter(name, `must be one of ${allowed.join(", ")}`);
  }
  return value as T;
}

export function parseGroupBy(value: string | undefined, fallback: ExploreDimension): ExploreDimension[] {
  if (value === undefined) return [fallback];
  const parts = value.split(",");
  if (parts.length > 2) throw new BadParameter("groupBy", "takes at most two dimensions, separated by a comma");
  const dims = parts.map((p) => oneOf("groupBy", p.trim(), EXPLORE_DIMENSIONS) as ExploreDimension);
  if (dims.length === 2 && dims[0] === dims[1]) throw new BadParameter("groupBy", "names the same dimension twice");
  return dims;
}

/** The shared parser, its "unknown parameter" message completed with this route's own names. */
function parseBase(rest: Record<string, string>, now: Date): ParsedCostQuery {
  try {
    return parseCostQuery(rest, now, "day");
  } catch (error) {
    if (error instanceof BadParameter && error.message.startsWith("unknown parameter")) {
      throw new BadParameter(error.parameter, `${error.message.replace(/, groupBy/, "")}, ${OWN.join(", ")}`);
    }
    throw error;
  }
}

export function parseExploreQuery(
  query: Record<string, string>,
  now: Date,
  defaultGroupBy: ExploreDimension = "day",
  /** The page's rule (months beyond 62 days) instead of the API's `day` when no step is given. */
  stepByRange = false,
): ParsedExploreQuery {
  const rest: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) if (!OWN.includes(name)) rest[name] = value;
  const base = parseBase(rest, now);
  const groupBy = parseGroupBy(query.groupBy, defaultGroupBy);
  const granularity =
    oneOf("granularity", query.granularity, GRANULARITIES) ?? (stepByRange ? defaultGranularity(base.period) : "day");
  const compare = oneOf("compare", query.compare, ["previous", "none"] as const) === "previous";
  const chargeType = oneOf("chargeType", query.chargeType, CHARGE_TYPES as readonly ChargeType[]);
  const costType = oneOf("costType", query.costType, COST_TYPES) ?? "unblended";
  if (query.usageType !== undefined && query.usageType.length > 256) {
    throw new BadParameter("usageType", "must be at most 256 characters");
  }
  const filters: ExploreQuery["filters"] = { ...base.filters };
  if (query.usageType !== undefined) filters.usageType = query.usageType;
  if (chargeType !== undefined) filters.chargeType = chargeType;
  return { base, period: base.period, groupBy, granularity, compare, costType, filters };
}

/** The selection as API parameters, for the CSV link and links between pages. */
export function exploreQueryString(q: ExploreQuery): string {
  const params = new URLSearchParams({ from: q.period.from, to: q.period.to, groupBy: q.groupBy.join(",") });
  const f = q.filters;
  if (f.pipeline !== undefined) params.set("pipeline", f.pipeline);
  if (f.service !== undefined) params.set("service", f.service);
  if (f.region !== undefined) params.set("region", f.region);
  if (f.accountId !== undefined) params.set("account", f.accountId);
  if (f.source !== undefined) params.set("source", f.source);
  if (f.usageType !== undefined) params.set("usageType", f.usageType);
  if (f.chargeType !== undefined) params.set("chargeType", f.chargeType);
  if (q.granularity !== "day") params.set("granularity", q.granularity);
  if (q.compare) params.set("compare", "previous");
  if (q.costType !== "unblended") params.set("costType", q.costType);
  return params.toString();
}
