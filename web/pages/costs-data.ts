/** What the cost explorer shows: the grouped report, the chart and the filter menus. */
import type { Period } from "../../src/model";
import { usageTypeMenu } from "../../src/store/read/cost-explorer";
import { dimensionMenus } from "../../src/store/read/costs";
import { exploreInCurrency } from "../../src/store/read/explore-display";
import { readDb } from "../../src/store/store";
import { withCalibration } from "../api/explore-calibration";
import { type ParsedExploreQuery, parseExploreQuery } from "../api/explore-params";
import type { WebDeps } from "../deps";

/** The form's value for the untagged pipeline (an empty select value means "all"). */
export const UNTAGGED_VALUE = "__untagged__";

/**
 * The page's form sends every field, empty ones meaning "all"; the API treats a present
 * parameter as a filter. Drop the empty ones, map the untagged choice, join `groupBy` and
 * `thenBy` into the API's two-level `groupBy`, then validate as the API.
 */
export function parseExplorerQuery(query: Record<string, string>, now: Date): ParsedExploreQuery {
  const cleaned: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === "" || name === "thenBy") continue;
    cleaned[name] = name === "pipeline" && value === UNTAGGED_VALUE ? "" : value;
  }
  if (query.thenBy) cleaned.groupBy = `${cleaned.groupBy ?? "service"},${query.thenBy}`;
  return parseExploreQuery(cleaned, now, "service", true);
}

export { exploreQueryString as apiQueryString } from "../api/explore-params";

export interface FilterMenus {
  pipeline: string[];
  service: string[];
  region: string[];
  account: string[];
  source: string[];
  usageType: string[];
}

export async function loadFilterMenus(deps: WebDeps, period: Period, service?: string): Promise<FilterMenus> {
  const db = readDb(deps.store);
  const [menus, usageType] = await Promise.all([dimensionMenus(db, period), usageTypeMenu(db, period, service)]);
  return { ...menus, usageType };
}

export async function loadExplorer(deps: WebDeps, query: ParsedExploreQuery) {
  const db = readDb(deps.store);
  const [report, menus] = await Promise.all([
    exploreInCurrency(db, await withCalibration(deps, query), deps.config.CAIRN_CURRENCY),
    loadFilterMenus(deps, query.period, query.filters.service),
  ]);
  return { report, menus };
}
