/**
 * The query plan: the fewest GetCostAndUsage requests that still give every view the dashboard
 * needs (day, account, service, usage type and so region, pipeline). Cost Explorer allows two
 * group-bys per request, so for each linked account (a filter, not a group-by) Cairn asks:
 *
 *   1. `lines`:     SERVICE x USAGE_TYPE   -> the cost lines, exact per (day, service, usage type)
 *   2. `pipelines`: TAG(pipeline) x USAGE_TYPE -> how each usage type splits between pipelines
 *
 * The accounts come from one GetDimensionValues(LINKED_ACCOUNT) over the window. Each query asks
 * for the three metrics at once (UnblendedCost, AmortizedCost, UsageQuantity), DAILY, over the
 * whole window in one go: pages follow one another in time, so a backfill costs its pages and
 * no request per month. A daily run for one account whose answers fit in a page costs
 * 1 (accounts) + 2 (lines, pipelines) + 1 (forecast) = 4 requests.
 *
 * Pure: builds the request inputs only.
 */
import type { GetCostAndUsageCommandInput, GetDimensionValuesCommandInput } from "@aws-sdk/client-cost-explorer";
import type { Period } from "../../src/model";

export const METRICS = ["UnblendedCost", "AmortizedCost", "UsageQuantity"] as const;

export type QueryKind = "lines" | "pipelines";

export interface PlannedQuery {
  kind: QueryKind;
  accountId: string;
  input: GetCostAndUsageCommandInput;
}

export function accountsQuery(period: Period): GetDimensionValuesCommandInput {
  return { TimePeriod: { Start: period.from, End: period.to }, Dimension: "LINKED_ACCOUNT", Context: "COST_AND_USAGE" };
}

export function costQueries(period: Period, accountIds: readonly string[], pipelineTag: string): PlannedQuery[] {
  const base = (accountId: string) => ({
    TimePeriod: { Start: period.from, End: period.to },
    Granularity: "DAILY" as const,
    Metrics: [...METRICS],
    Filter: { Dimensions: { Key: "LINKED_ACCOUNT" as const, Values: [accountId] } },
  });
  return accountIds.flatMap((accountId) => [
    {
      kind: "lines" as const,
      accountId,
      input: {
        ...base(accountId),
        GroupBy: [
          { Type: "DIMENSION" as const, Key: "SERVICE" },
          { Type: "DIMENSION" as const, Key: "USAGE_TYPE" },
        ],
      },
    },
    {
      kind: "pipelines" as const,
      accountId,
      input: {
        ...base(accountId),
        GroupBy: [
          { Type: "TAG" as const, Key: pipelineTag },
          { Type: "DIMENSION" as const, Key: "USAGE_TYPE" },
        ],
      },
    },
  ]);
}

/** The least number of requests a run makes once it knows its accounts (one page per query). */
export function minimumRequests(accountCount: number, withForecast: boolean): number {
  return 2 * accountCount + (withForecast ? 1 : 0);
}
