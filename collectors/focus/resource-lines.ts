/**
 * Resource lines from FOCUS rows: each AWS row that names a resource is summed to the key
 * (export, day, resource, account, service, region, usage type, pipeline). Memory stays bounded:
 * past `maxEntries` distinct keys the buffer is handed to `spill` (which sums it into the store's
 * staging table) and emptied. Each resource's name, type and tags are kept as of its latest
 * day (one small entry per resource). Pure apart from the `spill` callback it is given.
 */
import type { Day, Month } from "../../src/model";
import { detached } from "./aggregate";
import type { FocusCharge } from "./parse-charge";

export interface ResourceContribution {
  billingAccountId: string;
  billingPeriod: Month;
  day: Day;
  resourceId: string;
  accountId: string;
  service: string;
  region: string;
  usageType: string;
  pipeline: string;
  usageUnit: string;
  unblendedCostUsd: number;
  amortizedCostUsd: number;
  usageAmount: number;
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
  /** The day these facts were read from. */
  day: Day;
}

export interface ResourceLineBuffer {
  add(c: FocusCharge): void;
  /** Hands what is left to `spill`; call once every file is read. */
  flush(): void;
  /** Resources seen, by id. */
  readonly resources: Map<string, ResourceInfo>;
  /** Distinct keys handed to `spill` so far (a key spilled twice counts twice). */
  readonly spilled: number;
}

/** Tags longer than this are cut from the resource's record (never from its lines). */
const MAX_TAGS_CHARS = 4_000;
const SEP = "\u0000";

/** FOCUS `Tags` as a JSON object text: a string in CSV, an object or Map in Parquet. */
export function tagsText(tags: unknown): string {
  if (tags === null || tags === undefined || tags === "") return "{}";
  let text: string;
  if (typeof tags === "string") text = tags;
  else if (tags instanceof Map) text = JSON.stringify(Object.fromEntries(tags));
  else if (Array.isArray(tags)) {
    // Parquet maps can arrive as key/value entries.
    const obj: Record<string, unknown> = {};
    for (const e of tags as { key?: unknown; value?: unknown }[])
      if (e && typeof e.key === "string") obj[e.key] = e.value;
    text = JSON.stringify(obj);
  } else if (typeof tags === "object") text = JSON.stringify(tags);
  else return "{}";
  return text.length > MAX_TAGS_CHARS ? "{}" : detached(text);
}

export function newResourceLineBuffer(
  spill: (lines: ResourceContribution[]) => void,
  maxEntries = 20_000,
): ResourceLineBuffer {
  let lines = new Map<string, ResourceContribution>();
  const resources = new Map<string, ResourceInfo>();
  // Dimension values repeat on millions of rows: one owned copy of each, instead of a copy per
  // new key (which would be garbage the collector lets pile up).
  const owned = new Map<string, string>();
  const own = (v: string): string => {
    let o = owned.get(v);
    if (o === undefined) {
      if (owned.size >= 200_000) owned.clear();
      o = detached(v);
      owned.set(o, o);
    }
    return o;
  };
  let spilled = 0;
  const flush = () => {
    if (lines.size === 0) return;
    const batch = [...lines.values()];
    lines = new Map();
    spilled += batch.length;
    spill(batch);
  };
  return {
    resources,
    get spilled() {
      return spilled;
    },
    flush,
    add(c) {
      if (!c.isAws || c.resourceId === "") return;
      const key = `${c.billingAccountId}${SEP}${c.billingPeriod}${SEP}${c.day}${SEP}${c.resourceId}${SEP}${c.accountId}${SEP}${c.service}${SEP}${c.region}${SEP}${c.usageType}${SEP}${c.pipeline}`;
      const line = lines.get(key);
      if (line) {
        line.unblendedCostUsd += c.billedCost;
        line.amortizedCostUsd += c.effectiveCost;
        line.usageAmount += c.usageAmount;
        if (line.usageUnit === "") line.usageUnit = own(c.usageUnit);
      } else {
        if (lines.size >= maxEntries) flush();
        const l: ResourceContribution = {
          billingAccountId: own(c.billingAccountId),
          billingPeriod: own(c.billingPeriod),
          day: own(c.day),
          resourceId: own(c.resourceId),
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
        lines.set(
          `${l.billingAccountId}${SEP}${l.billingPeriod}${SEP}${l.day}${SEP}${l.resourceId}${SEP}${l.accountId}${SEP}${l.service}${SEP}${l.region}${SEP}${l.usageType}${SEP}${l.pipeline}`,
          l,
        );
      }
      const known = resources.get(c.resourceId);
      if (!known || c.day > known.day || (known.name === "" && c.resourceName !== "")) {
        resources.set(known ? known.resourceId : own(c.resourceId), {
          resourceId: known ? known.resourceId : own(c.resourceId),
          accountId: own(c.accountId),
          name: own(c.resourceName) || (known?.name ?? ""),
          type: own(c.resourceType) || (known?.type ?? ""),
          service: own(c.service),
          region: own(c.region),
          tags: tagsText(c.tags),
          day: known && known.day > c.day ? known.day : own(c.day),
        });
      }
    },
  };
}
