/**
 * Sends the planned requests and follows every NextPageToken (GetCostAndUsage has no paginator).
 * Each request goes through a meter that may refuse it (the monthly cap) and records it once it
 * reached AWS (Cairn's own bill). Nothing here writes anything: all pages are in memory before the
 * job writes a single line.
 */
import {
  type CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
  GetCostForecastCommand,
  GetDimensionValuesCommand,
} from "@aws-sdk/client-cost-explorer";
import type { Period } from "../../src/model";
import { CostExplorerError, describeFailure, reachedAws } from "./errors";
import { addPage, emptyResult, type QueryResult } from "./parse";
import { accountsQuery } from "./query-plan";

export interface RequestMeter {
  /** Before each request: throws to refuse it. `minimumAfter` = requests the run still needs after it. */
  before: (operation: string, minimumAfter: number) => Promise<void>;
  /** After each request that reached AWS, answered or refused: it is billed either way. */
  after: (operation: string) => Promise<void>;
}

async function metered<T>(
  meter: RequestMeter,
  operation: string,
  minimumAfter: number,
  send: () => Promise<T>,
): Promise<T> {
  await meter.before(operation, minimumAfter);
  try {
    const out = await send();
    await meter.after(operation);
    return out;
  } catch (error) {
    if (reachedAws(error)) await meter.after(operation);
    throw describeFailure(error, operation);
  }
}

/** The linked accounts with spend in the period (one request per page of 1,000 values). */
export async function fetchAccounts(
  client: CostExplorerClient,
  period: Period,
  meter: RequestMeter,
  minimumAfter: (accounts: number) => number,
): Promise<string[]> {
  const accounts: string[] = [];
  let token: string | undefined;
  do {
    const page = await metered(meter, "GetDimensionValues", minimumAfter(1), () =>
      client.send(new GetDimensionValuesCommand({ ...accountsQuery(period), NextPageToken: token })),
    );
    if (!Array.isArray(page.DimensionValues)) {
      throw new CostExplorerError(
        "malformed-answer",
        "Cost Explorer's answer to GetDimensionValues had no DimensionValues.",
        "GetDimensionValues",
      );
    }
    for (const v of page.DimensionValues) if (v.Value && !accounts.includes(v.Value)) accounts.push(v.Value);
    token = page.NextPageToken || undefined;
  } while (token);
  return accounts.sort();
}

/** One GetCostAndUsage query, every page of it. `onPage` gets the last day reached so far. */
export async function fetchCostAndUsage(
  client: CostExplorerClient,
  input: GetCostAndUsageCommandInput,
  meter: RequestMeter,
  minimumAfter: number,
  onPage?: (lastDay: string | null, pages: number) => void,
): Promise<QueryResult> {
  const result = emptyResult();
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await metered(meter, "GetCostAndUsage", minimumAfter, () =>
      client.send(new GetCostAndUsageCommand({ ...input, NextPageToken: token })),
    );
    addPage(result, page, "GetCostAndUsage", seen);
    const entries = page.ResultsByTime ?? [];
    onPage?.(entries[entries.length - 1]?.TimePeriod?.Start ?? null, result.pages);
    token = page.NextPageToken || undefined;
  } while (token);
  return result;
}

export interface AwsForecast {
  meanUsd: number;
  lowerUsd: number | null;
  upperUsd: number | null;
}

/** AWS's forecast of unblended cost over `period`, or null when AWS has none (DataUnavailableException). */
export async function fetchForecast(
  client: CostExplorerClient,
  period: Period,
  meter: RequestMeter,
): Promise<AwsForecast | null> {
  try {
    const out = await metered(meter, "GetCostForecast", 0, () =>
      client.send(
        new GetCostForecastCommand({
          TimePeriod: { Start: period.from, End: period.to },
          Metric: "UNBLENDED_COST",
          Granularity: "MONTHLY",
          PredictionIntervalLevel: 80,
        }),
      ),
    );
    const mean = Number(out.Total?.Amount);
    if (out.Total?.Amount === undefined || !Number.isFinite(mean)) {
      throw new CostExplorerError(
        "malformed-answer",
        "Cost Explorer's answer to GetCostForecast had no Total amount.",
        "GetCostForecast",
      );
    }
    const bound = (key: "PredictionIntervalLowerBound" | "PredictionIntervalUpperBound") => {
      const values = (out.ForecastResultsByTime ?? []).map((r) => Number(r[key]));
      return values.length > 0 && values.every(Number.isFinite) ? values.reduce((a, b) => a + b, 0) : null;
    };
    return {
      meanUsd: mean,
      lowerUsd: bound("PredictionIntervalLowerBound"),
      upperUsd: bound("PredictionIntervalUpperBound"),
    };
  } catch (error) {
    if (error instanceof CostExplorerError && error.kind === "no-data") return null;
    throw error;
  }
}
