/**
 * Cost incidents as stored: recorded (or brought up to date) by the alerts job, read by the
 * Incidents page and `cairn incidents`, their state changed through src/services/ only.
 */
import { desc, eq, gte, sql } from "drizzle-orm";
import type { KnownIncident } from "../analysis/alert-rules/incident-alerts";
import type { Incident, IncidentDriver } from "../analysis/alert-rules/incidents";
import type { Day } from "../model";
import { incidents } from "./schema/index";
import { type CairnDb, readDb, type Store } from "./store";

export type IncidentStatus = "open" | "acknowledged" | "resolved";

/** An incident as recorded, with its state (what the rule found is ../analysis/alert-rules/incidents.ts's). */
export interface StoredIncident extends Omit<Incident, "members"> {
  id: number;
  status: IncidentStatus;
  note: string | null;
  detectedAt: string;
  updatedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

function toStored(r: typeof incidents.$inferSelect): StoredIncident {
  return {
    ...r,
    days: r.days as Day[],
    drivers: r.drivers as IncidentDriver[],
    status: r.status as IncidentStatus,
  };
}

/**
 * Records incidents by key: a new one is inserted open; one already recorded keeps its state and
 * takes the newest figures, its days widened to cover both sightings.
 */
export async function recordIncidents(store: Store, found: readonly Incident[], at: string): Promise<void> {
  for (const i of found) {
    const figures = {
      days: i.days,
      service: i.service,
      pipeline: i.pipeline,
      usageType: i.usageType,
      costUsd: i.costUsd,
      expectedUsd: i.expectedUsd,
      excessUsd: i.excessUsd,
      drivers: i.drivers,
    };
    await readDb(store)
      .insert(incidents)
      .values({ key: i.key, firstDay: i.firstDay, lastDay: i.lastDay, ...figures, detectedAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: incidents.key,
        set: {
          ...figures,
          firstDay: sql`min(${incidents.firstDay}, excluded.first_day)`,
          lastDay: sql`max(${incidents.lastDay}, excluded.last_day)`,
          updatedAt: at,
        },
      });
  }
}

/** Incidents whose last day is on or after `since`, for recognising a spike seen again. */
export async function knownIncidents(db: CairnDb, since: Day): Promise<KnownIncident[]> {
  return db
    .select({
      key: incidents.key,
      firstDay: incidents.firstDay,
      lastDay: incidents.lastDay,
      service: incidents.service,
      pipeline: incidents.pipeline,
    })
    .from(incidents)
    .where(gte(incidents.lastDay, since));
}

/** The newest incidents first (by first day). */
export async function listIncidents(db: CairnDb, limit = 100): Promise<StoredIncident[]> {
  const rows = await db.select().from(incidents).orderBy(desc(incidents.firstDay), desc(incidents.id)).limit(limit);
  return rows.map(toStored);
}

export async function readIncident(db: CairnDb, id: number): Promise<StoredIncident | null> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  return row ? toStored(row) : null;
}

export interface IncidentStateChange {
  status: IncidentStatus;
  note: string | null;
  by: string;
  at: string;
}

/** Acknowledging stamps who and when; resolving stamps its own pair (an unacknowledged incident may be resolved at once). */
export async function writeIncidentState(store: Store, id: number, change: IncidentStateChange): Promise<void> {
  const stamp =
    change.status === "acknowledged"
      ? { acknowledgedBy: change.by, acknowledgedAt: change.at }
      : change.status === "resolved"
        ? { resolvedBy: change.by, resolvedAt: change.at }
        : {};
  await readDb(store)
    .update(incidents)
    .set({
      status: change.status,
      ...(change.note !== null ? { note: change.note } : {}),
      ...stamp,
      updatedAt: change.at,
    })
    .where(eq(incidents.id, id));
}
