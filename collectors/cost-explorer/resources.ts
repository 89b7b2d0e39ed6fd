/**
 * Resource lines from Cost Explorer, for users who turned on resource-level data in the AWS
 * Billing console (Cost Explorer settings; AWS keeps it for the last 14 days only) and set
 * CAIRN_CE_RESOURCES=1. For each account and service that has cost lines in the window's last
 * 14 days, one GetCostAndUsageWithResources query (its Filter is required: LINKED_ACCOUNT and
 * SERVICE) grouped by RESOURCE_ID and USAGE_TYPE, DAILY. Cost Explorer allows two group-bys, so
 * the pipeline is not asked: each resource line takes the pipeline of the largest cost line of
 * its day, account, service and usage type (the one it most likely belongs to). Pure.
 */
import type { GetCostAndUsageWithResourcesCommandInput } from "@aws-sdk/client-cost-explorer";
import { addDays } from "../../src/days";
import type { CostLine, Day, Period } from "../../src/model";
import type { ResourceFacts, ResourceLine } from "../../src/store/resource-lines";
import type { QueryResult } from "./parse";
import { METRICS } from "./query-plan";
import { regionOfUsageType } from "./region";

/** How far back AWS keeps resource-level data. */
export const RESOURCE_DAYS = 14;

export interface ResourceQuery {
  accountId: string;
  service: string;
  input: GetCostAndUsageWithResourcesCommandInput;
}

/** The part of the window AWS can answer with resources (the last 14 days), or null. */
export function resourceWindow(window: Period, today: Day): Period | null {
  const earliest = addDays(today, -RESOURCE_DAYS + 1);
  const from = window.from > earliest ? window.from : earliest;
  return from < window.to ? { from, to: window.to } : null;
}

export function resourceQueries(period: Period, lines: readonly CostLine[]): ResourceQuery[] {
  const pairs = new Map<string, { accountId: string; service: string }>();
  for (const l of lines) {
    if (l.day < period.from || l.day >= period.to || l.service === "Tax") continue;
    pairs.set(`${l.accountId}\u0000${l.service}`, { accountId: l.accountId, service: l.service });
  }
  return [...pairs.values()]
    .sort((a, b) => (a.accountId + a.service < b.accountId + b.service ? -1 : 1))
    .map(({ accountId, service }) => ({
      accountId,
      service,
      input: {
        TimePeriod: { Start: period.from, End: period.to },
        Granularity: "DAILY",
        Metrics: [...METRICS],
        Filter: {
          And: [
            { Dimensions: { Key: "LINKED_ACCOUNT", Values: [accountId] } },
            { Dimensions: { Key: "SERVICE", Values: [service] } },
          ],
        },
        GroupBy: [
          { Type: "DIMENSION", Key: "RESOURCE_ID" },
          { Type: "DIMENSION", Key: "USAGE_TYPE" },
        ],
      },
    }));
}

/** Costs AWS bills to no resource come back under these keys. */
const NO_RESOURCE = new Set(["", "NoResourceId", "No resource id"]);

export function resourceLinesOf(
  query: Pick<ResourceQuery, "accountId" | "service">,
  result: QueryResult,
  costLines: readonly CostLine[],
): { lines: ResourceLine[]; facts: ResourceFacts[] } {
  // The pipeline of the largest cost line of each (day, usage type) of this account and service.
  const pipelineOf = new Map<string, { pipeline: string; cost: number }>();
  for (const l of costLines) {
    if (l.accountId !== query.accountId || l.service !== query.service) continue;
    const k = `${l.day}\u0000${l.usageType}`;
    const best = pipelineOf.get(k);
    if (!best || Math.abs(l.unblendedCostUsd) > best.cost) {
      pipelineOf.set(k, { pipeline: l.pipeline, cost: Math.abs(l.unblendedCostUsd) });
    }
  }
  const lines: ResourceLine[] = [];
  const facts = new Map<string, ResourceFacts>();
  for (const row of result.rows) {
    const [resourceId, usageType] = row.keys;
    if (NO_RESOURCE.has(resourceId)) continue;
    lines.push({
      day: row.day,
      resourceId,
      accountId: query.accountId,
      service: query.service,
      region: regionOfUsageType(usageType, query.service),
      usageType,
      pipeline: pipelineOf.get(`${row.day}\u0000${usageType}`)?.pipeline ?? "",
      usageUnit: row.usageUnit,
      unblendedCostUsd: row.unblendedCostUsd,
      amortizedCostUsd: row.amortizedCostUsd,
      usageAmount: row.usageAmount,
    });
    const known = facts.get(resourceId);
    if (!known || row.day > known.seenOn) {
      // Cost Explorer gives no name, type or tags: an empty name or type never erases a known one.
      facts.set(resourceId, {
        resourceId,
        accountId: query.accountId,
        name: "",
        type: "",
        service: query.service,
        region: regionOfUsageType(usageType, query.service),
        tags: "{}",
        seenOn: row.day,
      });
    }
  }
  return { lines, facts: [...facts.values()] };
}
