/**
 * Resource lines from FOCUS rows: each AWS row that names a resource (`ResourceId`) is summed to
 * the key (export, day, resource, account, service, region, usage type, pipeline), beside the
 * cost-line sums of ./aggregate.ts; each resource's name, type and tags are kept as of its latest
 * day. Both maps are emptied into the import's staging table with the cost-line sums whenever
 * the keys held pass the import's bound, so memory does not grow with the file. Pure.
 */
import type { Day, Month } from "../../src/model";
import type { ResourceLine } from "../../src/store/resource-lines";
import { detached } from "./aggregate";
import type { FocusCharge } from "./parse-charge";

/** A resource line as one export contributes it (the export named by its account and period). */
export interface ResourceContribution extends ResourceLine {
  billingAccountId: string;
  billingPeriod: Month;
}

export interface ResourceInfo {
  resourceId: string;
  accountId: string;
  name: string;
  type: string;
  service: string;
  region: string;
  /** A JSON object. */
  tags: string;
  /** The day these facts were read from (the latest wins when stored). */
  seenOn: Day;
}

export interface ResourceSums {
  lines: Map<string, ResourceContribution>;
  infos: Map<string, ResourceInfo>;
}

export function newResourceSums(): ResourceSums {
  return { lines: new Map(), infos: new Map() };
}

/** Tags longer than this are left out of the resource's record (never out of its lines). */
const MAX_TAGS_CHARS = 4_000;
const SEP = "\u0000";

/** FOCUS `Tags` as JSON object text: a string in CSV, an object or Map (or entries) in Parquet. */
export function tagsText(tags: unknown): string {
  if (tags === null || tags === undefined || tags === "") return "{}";
  let text: string;
  if (typeof tags === "string") text = tags;
  else if (tags instanceof Map) text = JSON.stringify(Object.fromEntries(tags));
  else if (Array.isArray(tags)) {
    const obj: Record<string, unknown> = {};
    for (const e of tags as { key?: unknown; value?: unknown }[]) {
      if (e && typeof e.key === "string") obj[e.key] = e.value;
    }
    text = JSON.stringify(obj);
  } else if (typeof tags === "object") text = JSON.stringify(tags);
  else return "{}";
  if (text.length > MAX_TAGS_CHARS) return "{}";
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? JSON.stringify(parsed) : "{}";
  } catch {
    return "{}";
  }
}

/**
 * Adds one charge. `own` gives the aggregate's shared copy of a low-cardinality value (field
 * strings are slices of the reader's chunk, which a stored slice would keep alive); resource ids,
 * names and tags are many, so they get plain copies that go with the sums at each flush.
 */
export function addResourceCharge(sums: ResourceSums, c: FocusCharge, own: (s: string) => string): void {
  if (!c.isAws || c.resourceId === "") return;
  const key = `${c.billingAccountId}${SEP}${c.billingPeriod}${SEP}${c.day}${SEP}${c.resourceId}${SEP}${c.accountId}${SEP}${c.service}${SEP}${c.region}${SEP}${c.usageType}${SEP}${c.pipeline}`;
  const line = sums.lines.get(key);
  if (line) {
    line.unblendedCostUsd += c.billedCost;
    line.amortizedCostUsd += c.effectiveCost;
    line.usageAmount += c.usageAmount;
    if (line.usageUnit === "") line.usageUnit = own(c.usageUnit);
  } else {
    const resourceId = detached(c.resourceId);
    const l: ResourceContribution = {
      billingAccountId: own(c.billingAccountId),
      billingPeriod: own(c.billingPeriod),
      day: own(c.day),
      resourceId,
      accountId: own(c.accountId),
      service: own(c.service),
      region: own(c.region),
      usageType: own(c.usageType),
      pipeline: own(c.pipeline),
      usageUnit: own(c.usageUnit),
      unblendedCostUsd: c.billedCost,
      amortizedCostUsd: c.effectiveCost,
      usageAmount: c.usageAmount,
    };
    // Built from owned parts, the key keeps no chunk of the file alive.
    sums.lines.set(
      `${l.billingAccountId}${SEP}${l.billingPeriod}${SEP}${l.day}${SEP}${resourceId}${SEP}${l.accountId}${SEP}${l.service}${SEP}${l.region}${SEP}${l.usageType}${SEP}${l.pipeline}`,
      l,
    );
  }
  const known = sums.infos.get(c.resourceId);
  if (known && known.seenOn > c.day && known.name !== "") return;
  if (known && known.seenOn === c.day && (known.name !== "" || c.resourceName === "")) return;
  const resourceId = known?.resourceId ?? detached(c.resourceId);
  const newer = !known || c.day >= known.seenOn;
  sums.infos.set(resourceId, {
    resourceId,
    accountId: own(c.accountId),
    name: detached(c.resourceName) || (known?.name ?? ""),
    type: own(c.resourceType) || (known?.type ?? ""),
    service: own(c.service),
    region: own(c.region),
    tags: newer ? tagsText(c.tags) : (known?.tags ?? "{}"),
    seenOn: newer ? own(c.day) : (known?.seenOn ?? own(c.day)),
  });
}
