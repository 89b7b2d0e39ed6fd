/**
 * Query parameters of the Resources page and API: the period (`from`, `to` exclusive; by default
 * the whole month of the latest day resource lines cover), a pipeline (`(none)` for untagged
 * spend), the ranking (`by=cost|co2e`) and `limit`. A bad or unknown parameter names itself (400).
 */
import { z } from "zod";
import { addDays, firstDayOfMonth, isValidDay, monthOf, toDay } from "../../src/days";
import type { Period } from "../../src/model";
import type { ResourceRanking } from "../../src/store/read/resources";
import { BadParameter } from "./params";

const day = z.string().refine(isValidDay, "must be a date YYYY-MM-DD");

const listSchema = z.object({
  from: day.optional(),
  to: day.optional(),
  pipeline: z.string().max(256, "must be at most 256 characters").optional(),
  by: z.enum(["cost", "co2e"], { message: "must be cost or co2e" }).optional(),
  limit: z.coerce
    .number({ message: "must be a whole number from 1 to 500" })
    .int("must be a whole number from 1 to 500")
    .min(1, "must be a whole number from 1 to 500")
    .max(500, "must be a whole number from 1 to 500")
    .optional(),
});

const detailSchema = listSchema.pick({ from: true, to: true });

export interface ResourceParams {
  /** Absent when neither `from` nor `to` was given: the data layer picks the latest month. */
  period?: Period;
  pipeline?: string;
  by: ResourceRanking;
  limit: number;
}

function parse<S extends z.ZodObject>(schema: S, query: Record<string, string>): z.infer<S> {
  const known = new Set(Object.keys(schema.shape));
  for (const name of Object.keys(query)) {
    if (!known.has(name)) throw new BadParameter(name, `unknown parameter; expected one of ${[...known].join(", ")}`);
  }
  const result = schema.safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new BadParameter(String(issue?.path[0] ?? "query"), issue?.message ?? "invalid");
  }
  return result.data;
}

function periodOf(q: { from?: string | undefined; to?: string | undefined }, now: Date): Period | undefined {
  if (q.from === undefined && q.to === undefined) return undefined;
  const today = toDay(now);
  const from = q.from ?? firstDayOfMonth(monthOf(today));
  const to = q.to ?? addDays(today, 1);
  if (from >= to) throw new BadParameter("to", `must be after from (${from}); to is exclusive`);
  return { from, to };
}

export function parseResourceParams(query: Record<string, string>, now: Date): ResourceParams {
  const q = parse(listSchema, query);
  const period = periodOf(q, now);
  const params: ResourceParams = { by: q.by ?? "cost", limit: q.limit ?? 50 };
  if (period) params.period = period;
  // An empty pipeline in a form means every pipeline; untagged spend is `pipeline=(none)`.
  if (q.pipeline !== undefined && q.pipeline !== "") params.pipeline = q.pipeline === "(none)" ? "" : q.pipeline;
  return params;
}

/** A resource's page: only the period. */
export function parseResourceDetailParams(query: Record<string, string>, now: Date): { period?: Period } {
  const period = periodOf(parse(detailSchema, query), now);
  return period ? { period } : {};
}

/** A resource id from the path: ARNs are long, but not endless. */
export function parseResourceId(raw: string): string {
  if (raw.trim() === "") throw new BadParameter("id", "must not be empty");
  if (raw.length > 2048) throw new BadParameter("id", "must be at most 2048 characters");
  return raw;
}
