/**
 * What the Resources pages and API show, loaded once for both: the period (by default the whole
 * month of the latest day resource lines cover), top resources with their cost of ownership, the
 * resources new or gone, and for one resource its detail, the tuning findings that name it and
 * the upkeep entries logged against it.
 */
import { advise, type CompleteFinding } from "../../src/analysis/advice/index";
import { findingNamesResource } from "../../src/analysis/resource-naming";
import { type ResourceOwnership, resourceOwnership, upkeepNaming } from "../../src/analysis/resource-ownership";
import { addDays, addMonths, firstDayOfMonth, monthOf, toDay } from "../../src/days";
import {
  type EngineTopResources,
  type ResourceEngine,
  resourceDetailFor,
  resourceViewsFor,
} from "../../src/jobs/resource-views";
import type { Month, Period } from "../../src/model";
import { loadAdviceInput } from "../../src/store/read/advice";
import {
  latestResourceDay,
  type ResourceChanges,
  type ResourceDetail,
  type ResourceTotal,
} from "../../src/store/read/resources";
import { readDb } from "../../src/store/store";
import { listUpkeep, readUpkeepRates, type StoredUpkeepEntry } from "../../src/store/upkeep";
import type { ResourceParams } from "../api/resource-params";
import type { WebDeps } from "../deps";

export interface ResourceRow extends ResourceTotal {
  ownership: ResourceOwnership;
}

export interface ResourcesData {
  period: Period;
  pipeline?: string;
  by: ResourceParams["by"];
  limit: number;
  top: Omit<EngineTopResources, "resources"> & { resources: ResourceRow[] };
  changes: ResourceChanges;
  /** The months of the period (for the display currency's rates). */
  months: Month[];
}

/** The whole month of the latest day covered, else this month so far. */
async function defaultPeriod(deps: WebDeps): Promise<Period> {
  const latest = await latestResourceDay(readDb(deps.store));
  const month = monthOf(latest ?? toDay(deps.now()));
  return { from: firstDayOfMonth(month), to: firstDayOfMonth(addMonths(month, 1)) };
}

export function monthsOf(p: Period): Month[] {
  const out: Month[] = [];
  for (let m = monthOf(p.from); firstDayOfMonth(m) < p.to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export async function loadResources(deps: WebDeps, params: ResourceParams): Promise<ResourcesData> {
  const db = readDb(deps.store);
  const period = params.period ?? (await defaultPeriod(deps));
  const query = { ...period, by: params.by, limit: params.limit };
  const [{ top, changes }, upkeep, rates] = await Promise.all([
    // The store's resource lines, or Athena's for a period not kept locally (src/jobs/resource-views.ts).
    resourceViewsFor(deps, params.pipeline === undefined ? query : { ...query, pipeline: params.pipeline }),
    listUpkeep(db, period),
    readUpkeepRates(db),
  ]);
  const named = upkeep.filter((e) => e.resource !== "");
  const hourValue = deps.config.CAIRN_UPKEEP_HOUR_VALUE;
  return {
    period,
    ...(params.pipeline === undefined ? {} : { pipeline: params.pipeline }),
    by: params.by,
    limit: params.limit,
    top: {
      ...top,
      resources: top.resources.map((r) => ({
        ...r,
        ownership: resourceOwnership(r.costUsd, upkeepNaming(named, r.resourceId), rates, hourValue),
      })),
    },
    changes,
    months: monthsOf(period),
  };
}

export interface ResourceData {
  period: Period;
  detail: ResourceDetail;
  /** Tuning findings (as of the period's end, or today) that name this resource. */
  findings: CompleteFinding[];
  /** Upkeep entries of the period logged against this resource. */
  upkeep: StoredUpkeepEntry[];
  ownership: ResourceOwnership;
  months: Month[];
  /** `athena` when the period's resource lines are not kept locally and Athena answered. */
  engine: ResourceEngine;
  /** Why Athena did not answer, when it was asked and failed. */
  athenaError?: string;
}

export async function loadResource(
  deps: WebDeps,
  params: { period?: Period },
  id: string,
): Promise<ResourceData | null> {
  const db = readDb(deps.store);
  const period = params.period ?? (await defaultPeriod(deps));
  const { detail, engine, athenaError } = await resourceDetailFor(deps, id, period);
  if (!detail) return null;
  const tomorrow = addDays(toDay(deps.now()), 1);
  const asOf = period.to < tomorrow ? period.to : tomorrow;
  const [input, entries, rates] = await Promise.all([
    loadAdviceInput(db, asOf),
    listUpkeep(db, period),
    readUpkeepRates(db),
  ]);
  const findings = advise(input).filter((f) => findingNamesResource(f, id));
  const upkeep = upkeepNaming(entries, id);
  return {
    period,
    detail,
    findings,
    upkeep,
    ownership: resourceOwnership(detail.period.costUsd, upkeep, rates, deps.config.CAIRN_UPKEEP_HOUR_VALUE),
    months: monthsOf(period),
    engine,
    ...(athenaError === undefined ? {} : { athenaError }),
  };
}
