/**
 * Query parameters of the Resources page and API: the period (`from`, `to` exclusive; this
 * month so far by default), a pipeline, the ranking (`by=cost|co2e`), `limit` and, for one
 * resource, its `id`. A bad value names its parameter (400).
 */
import { z } from "zod";
import { addDays, firstDayOfMonth, isValidDay, monthOf, toDay } from "../../src/days";
import type { Period } from "../../src/model";
import type { ResourceRanking } from "../../src/store/read/resources";
import { BadParameter } from "./params";

const day = z.string().refine(isValidDay, "must be a date YYYY-MM-DD");

const schema = z.object({
  from: day.optional(),
  to: day.optional(),
  pipeline: z.string().max(256, "must be at most 256 characters").optional(),
  by: z.enum(["cost", "co2e"], { message: "must be cost or co2e" }).optional(),
  limit: z.coerce.number().int().min(1, "must be 1 to 500").max(500, "must be 1 to 500").optional(),
  id: z.string().min(1, "must not be empty").max(2048, "must be at most 2048 characters").optional(),
  lang: z.string().optional(),
});

export interface ResourceParams {
  period: Period;
  pipeline?: string;
  by: ResourceRanking;
  limit: number;
  id?: string;
}

export function parseResourceParams(query: Record<string, string>, now: Date): ResourceParams {
  const known = new Set(Object.keys(schema.shape));
  for (const name of Object.keys(query)) {
    if (!known.has(name)) throw new BadParameter(name, `unknown parameter; expected one of ${[...known].join(", ")}`);
  }
  const result = schema.safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new BadParameter(String(issue?.path[0] ?? "query"), issue?.message ?? "invalid");
  }
  const q = result.data;
  const today = toDay(now);
  const from = q.from ?? firstDayOfMonth(monthOf(today));
  const to = q.to ?? addDays(today, 1);
  if (from >= to) throw new BadParameter("to", `must be after from (${from}); to is exclusive`);
  const params: ResourceParams = { period: { from, to }, by: q.by ?? "cost", limit: q.limit ?? 50 };
  // An empty pipeline in a form means "every pipeline"; untagged spend is `pipeline=(none)`.
  if (q.pipeline !== undefined && q.pipeline !== "") params.pipeline = q.pipeline === "(none)" ? "" : q.pipeline;
  if (q.id !== undefined) params.id = q.id;
  return params;
}
