/** What the cost explorer shows: the grouped report, the chart and the filter menus. */
import type { Period } from "../../src/model";
import { dimensionMenus } from "../../src/store/read/costs";
import { costsInCurrency } from "../../src/store/read/costs-display";
import { readDb } from "../../src/store/store";
import { type ParsedCostQuery, parseCostQuery } from "../api/params";
import type { WebDeps } from "../deps";

/** The form's value for the untagged pipeline (an empty select value means "all"). */
export const UNTAGGED_VALUE = "__untagged__";

/**
 * The page's form sends every field, empty ones meaning "all"; the API treats a present
 * parameter as a filter. Drop the empty ones, map the untagged choice, then validate as the API.
 */
export function parseExplorerQuery(query: Record<string, string>, now: Date): ParsedCostQuery {
  const cleaned: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === "") continue;
    cleaned[name] = name === "pipeline" && value === UNTAGGED_VALUE ? "" : value;
  }
  return parseCostQuery(cleaned, now, "service");
}

/** The same selection as API parameters: what the CSV link and the API check use. */
export function apiQueryString(q: ParsedCostQuery): string {
  const params = new URLSearchParams({ from: q.period.from, to: q.period.to, groupBy: q.groupBy });
  if (q.filters.pipeline !== undefined) params.set("pipeline", q.filters.pipeline);
  if (q.filters.service !== undefined) params.set("service", q.filters.service);
  if (q.filters.region !== undefined) params.set("region", q.filters.region);
  if (q.filters.accountId !== undefined) params.set("account", q.filters.accountId);
  if (q.filters.source !== undefined) params.set("source", q.filters.source);
  return params.toString();
}

export interface FilterMenus {
  pipeline: string[];
  service: string[];
  region: string[];
  account: string[];
  source: string[];
}

export async function loadFilterMenus(deps: WebDeps, period: Period): Promise<FilterMenus> {
  return dimensionMenus(readDb(deps.store), period);
}

export async function loadExplorer(deps: WebDeps, query: ParsedCostQuery) {
  const db = readDb(deps.store);
  const [report, menus] = await Promise.all([
    costsInCurrency(db, query, deps.config.CAIRN_CURRENCY),
    loadFilterMenus(deps, query.period),
  ]);
  return { report, menus };
}
