/** Planned-activity periods: declared expected spikes (a field campaign) that anomalies ignore. */
import { asc, eq } from "drizzle-orm";
import type { PlannedActivity } from "../analysis/alert-rules/planned";
import { plannedActivities } from "./schema/index";
import { readDb, type Store } from "./store";

export interface StoredPlannedActivity extends PlannedActivity {
  id: number;
}

export async function addPlannedActivity(store: Store, activity: PlannedActivity, at: string): Promise<number> {
  const rows = await readDb(store)
    .insert(plannedActivities)
    .values({ ...activity, createdAt: at })
    .returning({ id: plannedActivities.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("could not record the planned activity");
  return id;
}

export async function listPlannedActivities(store: Store): Promise<StoredPlannedActivity[]> {
  const rows = await readDb(store).select().from(plannedActivities).orderBy(asc(plannedActivities.fromDay));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    fromDay: r.fromDay,
    toDay: r.toDay,
    scopeKind: r.scopeKind as PlannedActivity["scopeKind"],
    scopeValue: r.scopeValue,
  }));
}

/** Returns whether it existed. */
export async function removePlannedActivity(store: Store, id: number): Promise<boolean> {
  const rows = await readDb(store)
    .delete(plannedActivities)
    .where(eq(plannedActivities.id, id))
    .returning({ id: plannedActivities.id });
  return rows.length > 0;
}
