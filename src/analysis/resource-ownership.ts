/**
 * A resource's cost of ownership over a period, valued as the overview's cost of ownership is
 * (src/store/read/cost-of-ownership.ts): its cloud cost plus the upkeep hours logged against it,
 * each at the person's hourly value, else the default (CAIRN_UPKEEP_HOUR_VALUE). Pure.
 */
import type { UpkeepEntry } from "../store/upkeep";
import { namesResource } from "./resource-naming";

export interface ResourceOwnership {
  cloudCostUsd: number;
  upkeepHours: number;
  volunteeredHours: number;
  upkeepValueUsd: number;
  totalUsd: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The upkeep entries that name the resource. */
export function upkeepNaming<E extends Pick<UpkeepEntry, "resource">>(entries: readonly E[], resourceId: string): E[] {
  return entries.filter((e) => namesResource(e.resource, resourceId));
}

export function resourceOwnership(
  cloudCostUsd: number,
  entries: readonly Pick<UpkeepEntry, "hours" | "person" | "volunteered">[],
  rates: ReadonlyMap<string, number>,
  defaultHourValueUsd: number,
): ResourceOwnership {
  let upkeepHours = 0;
  let volunteeredHours = 0;
  let value = 0;
  for (const e of entries) {
    upkeepHours += e.hours;
    if (e.volunteered) volunteeredHours += e.hours;
    value += e.hours * (rates.get(e.person) ?? defaultHourValueUsd);
  }
  const upkeepValueUsd = round2(value);
  return {
    cloudCostUsd,
    upkeepHours,
    volunteeredHours,
    upkeepValueUsd,
    totalUsd: round2(cloudCostUsd + upkeepValueUsd),
  };
}
