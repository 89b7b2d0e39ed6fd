/**
 * Query parameters shared by API routes and pages: validated with zod, and a failure names the
 * parameter, so a 400 says exactly what to fix.
 */
import { z } from "zod";
import { addDays, firstDayOfMonth, isValidDay, monthOf, toDay } from "../../src/days";
import { COST_SOURCES, type CostSource, type Currency, GROUP_BYS, type GroupBy, type Period } from "../../src/model";
import type { CostFilters } from "../../src/store/read/costs";

/** What was wrong, as a key the pages translate (web/pages/query-errors.ts), never by its English text. */
export type BadParameterCode = "dateInvalid" | "toNotAfterFrom" | "invalid";

export class BadParameter extends Error {
  constructor(
    readonly parameter: string,
    message: string,
    readonly code: BadParameterCode = "invalid",
  ) {
    super(message);
    this.name = "BadParameter";
  }
}

const DATE_INVALID = "must be a date YYYY-MM-DD";

const day = z.string().refine(isValidDay, DATE_INVALID);
const text = z.string().max(256, "must be at most 256 characters");

const costQuerySchema = z.object({
  from: day.optional(),
  to: day.optional(),
  groupBy: z
    .enum(GROUP_BYS as [GroupBy, ...GroupBy[]], { message: `must be one of ${GROUP_BYS.join(", ")}` })
    .optional(),
  pipeline: text.optional(),
  service: text.optional(),
  region: text.optional(),
  account: text.optional(),
  source: z
    .enum(COST_SOURCES as [CostSource, ...CostSource[]], { message: `must be one of ${COST_SOURCES.join(", ")}` })
    .optional(),
  currency: z.enum(["USD", "EUR"], { message: "must be USD or EUR" }).optional(),
});

export interface ParsedCostQuery {
  period: Period;
  groupBy: GroupBy;
  filters: CostFilters;
  /** `currency=USD|EUR`; absent: the display currency. */
  currency?: Currency;
}

/** Parses `from`, `to` (UTC days, `to` exclusive), `groupBy` and the filters. */
export function parseCostQuery(
  query: Record<string, string>,
  now: Date,
  defaultGroupBy: GroupBy = "day",
): ParsedCostQuery {
  const known = new Set(Object.keys(costQuerySchema.shape));
  for (const name of Object.keys(query)) {
    if (!known.has(name)) throw new BadParameter(name, `unknown parameter; expected one of ${[...known].join(", ")}`);
  }
  const result = costQuerySchema.safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue?.path[0] ?? "query");
    const code = (field === "from" || field === "to") && issue?.message === DATE_INVALID ? "dateInvalid" : "invalid";
    throw new BadParameter(field, issue?.message ?? "invalid", code);
  }
  const q = result.data;
  const today = toDay(now);
  const from = q.from ?? firstDayOfMonth(monthOf(today));
  const to = q.to ?? addDays(today, 1);
  if (from >= to) throw new BadParameter("to", `must be after from (${from}); to is exclusive`, "toNotAfterFrom");
  const filters: CostFilters = {};
  if (q.pipeline !== undefined) filters.pipeline = q.pipeline;
  if (q.service !== undefined) filters.service = q.service;
  if (q.region !== undefined) filters.region = q.region;
  if (q.account !== undefined) filters.accountId = q.account;
  if (q.source !== undefined) filters.source = q.source;
  return {
    period: { from, to },
    groupBy: q.groupBy ?? defaultGroupBy,
    filters,
    ...(q.currency ? { currency: q.currency } : {}),
  };
}
