/**
 * Sends the planned requests and follows every NextPageToken (GetCostAndUsage has no paginator).
 * Each request goes through a meter that may refuse it (the monthly cap), and each attempt of it
 * (the SDK's retries included) is recorded as it is made and kept once it reached AWS (Cairn's
 * own bill). No cost data is written here: all pages are in memory before the job writes a line.
 */
import {
  type CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
  GetCostAndUsageWithResourcesCommand,
  type GetCostAndUsageWithResourcesCommandInput,
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
  /**
   * Before each attempt the SDK makes (its retries included: every attempt that reaches AWS is
   * billed). Records it and returns a handle, or throws to refuse it (the cap is reached).
   */
  attempt: (operation: string) => Promise<number>;
  /** The attempt never reached AWS (the connection failed): not billed, its record is given back. */
  unreached: (handle: number) => Promise<void>;
}

interface CommandWithStack {
  middlewareStack: {
    add: (
      // biome-ignore lint/suspicious/noExplicitAny: the SDK's middleware types are generic over every command.
      middleware: (next: (args: any) => Promise<any>) => (args: any) => Promise<any>,
      options: { step: "deserialize"; name: string; priority: "high" },
    ) => void;
  };
}

/**
 * Meters each attempt of one command. The deserialize step runs inside the SDK's retry loop, so
 * this sees every attempt, not just the first one.
 */
function meterEachAttempt<C extends CommandWithStack>(command: C, meter: RequestMeter, operation: string): C {
  command.middlewareStack.add(
    (next) => async (args) => {
      const handle = await meter.attempt(operation);
      try {
        return await next(args);
      } catch (error) {
        if (!reachedAws(error)) await meter.unreached(handle);
        throw error;
      }
    },
    { step: "deserialize", name: "cairnRequestMeter", priority: "high" },
  );
  return command;
}

async function metered<T>(
  meter: RequestMeter,
  operation: string,
  minimumAfter: number,
  send: () => Promise<T>,
): Promise<T> {
  await meter.before(operation, minimumAfter);
  try {
    return await send();
  } catch (error) {
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
      client.send(
        meterEachAttempt(
          new GetDimensionValuesCommand({ ...accountsQuery(period), NextPageToken: token }),
          meter,
          "GetDimensionValues",
        ),
      ),
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
      client.send(
        meterEachAttempt(new GetCostAndUsageCommand({ ...input, NextPageToken: token }), meter, "GetCostAndUsage"),
      ),
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
        meterEachAttempt(
          new GetCostForecastCommand({
            TimePeriod: { Start: period.from, End: period.to },
            Metric: "UNBLENDED_COST",
            Granularity: "MONTHLY",
            PredictionIntervalLevel: 80,
          }),
          meter,
          "GetCostForecast",
        ),
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

/** One GetCostAndUsageWithResources query (the `RESOURCE_ID` group-by, opt-in in AWS), every page of it. */
export async function fetchCostAndUsageWithResources(
  client: CostExplorerClient,
  input: GetCostAndUsageWithResourcesCommandInput,
  meter: RequestMeter,
  minimumAfter: number,
): Promise<QueryResult> {
  const operation = "GetCostAndUsageWithResources";
  const result = emptyResult();
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await metered(meter, operation, minimumAfter, () =>
      client.send(
        meterEachAttempt(new GetCostAndUsageWithResourcesCommand({ ...input, NextPageToken: token }), meter, operation),
      ),
    );
    addPage(result, page, operation, seen);
    token = page.NextPageToken || undefined;
  } while (token);
  return result;
}
