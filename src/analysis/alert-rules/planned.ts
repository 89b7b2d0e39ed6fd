/** Planned-activity periods (a field campaign): expected spikes that must not raise anomalies. Pure. */
import type { Day } from "../../model";

export interface PlannedActivity {
  name: string;
  /** Both days included. */
  fromDay: Day;
  toDay: Day;
  scopeKind: "all" | "pipeline" | "service" | "account";
  scopeValue: string;
}

/** Whether a planned activity covers this day of this series. */
export function isPlanned(
  planned: readonly PlannedActivity[],
  day: Day,
  series: { dimension: "service" | "pipeline"; value: string },
): PlannedActivity | null {
  for (const p of planned) {
    if (day < p.fromDay || day > p.toDay) continue;
    if (p.scopeKind === "all") return p;
    if (p.scopeKind === series.dimension && p.scopeValue === series.value) return p;
  }
  return null;
}
