/**
 * The Cost Explorer collection's opt-in resource step (CAIRN_CE_RESOURCES=1): for the window's
 * last 14 days (all AWS keeps), one GetCostAndUsageWithResources query per account and service
 * with spend, metered and capped like every other request, all fetched before the run writes;
 * then the window's Cost Explorer resource lines are replaced (src/store/resource-lines.ts).
 */
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { fetchCostAndUsageWithResources, type RequestMeter } from "../../collectors/cost-explorer/fetch";
import { resourceLinesOf, resourceQueries, resourceWindow } from "../../collectors/cost-explorer/resources";
import type { CostLine, Day, Period } from "../model";
import { type ResourceFacts, type ResourceLine, replaceResourceLines } from "../store/resource-lines";
import type { Store } from "../store/store";

export interface FetchedResources {
  period: Period;
  lines: ResourceLine[];
  facts: ResourceFacts[];
}

export async function fetchResourceLines(
  client: CostExplorerClient,
  meter: RequestMeter,
  window: Period,
  today: Day,
  costLines: readonly CostLine[],
): Promise<FetchedResources | null> {
  const period = resourceWindow(window, today);
  if (!period) return null;
  const queries = resourceQueries(period, costLines);
  const out: FetchedResources = { period, lines: [], facts: [] };
  for (const [i, query] of queries.entries()) {
    // The forecast is asked before this step: only the remaining queries are still needed.
    const result = await fetchCostAndUsageWithResources(client, query.input, meter, queries.length - i - 1);
    const mapped = resourceLinesOf(query, result, costLines);
    out.lines.push(...mapped.lines);
    out.facts.push(...mapped.facts);
  }
  return out;
}

export async function writeResourceLines(
  store: Store,
  fetched: FetchedResources,
  accountIds: readonly string[],
): Promise<number> {
  return replaceResourceLines(
    store,
    { ...fetched.period, source: "cost-explorer", accountIds },
    fetched.lines,
    fetched.facts,
  );
}
