/** The upkeep log and hourly values as stored (written through src/services/ only). */
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { Period } from "../model";
import { upkeepEntries, upkeepRates } from "./schema/index";
import { type CairnDb, readDb, type Store } from "./store";

export interface UpkeepEntry {
  day: string;
  pipeline: string;
  resource: string;
  hours: number;
  person: string;
  what: string;
  volunteered: boolean;
}

export interface StoredUpkeepEntry extends UpkeepEntry {
  id: number;
  createdBy: string;
  createdAt: string;
}

export async function insertUpkeep(store: Store, entry: UpkeepEntry, by: string, at: string): Promise<number> {
  const rows = await readDb(store)
    .insert(upkeepEntries)
    .values({ ...entry, createdBy: by, createdAt: at })
    .returning({ id: upkeepEntries.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("could not record the upkeep entry");
  return id;
}

export async function deleteUpkeep(store: Store, id: number): Promise<boolean> {
  const rows = await readDb(store)
    .delete(upkeepEntries)
    .where(eq(upkeepEntries.id, id))
    .returning({ id: upkeepEntries.id });
  return rows.length > 0;
}

export async function listUpkeep(db: CairnDb, period: Period): Promise<StoredUpkeepEntry[]> {
  return db
    .select()
    .from(upkeepEntries)
    .where(and(gte(upkeepEntries.day, period.from), lt(upkeepEntries.day, period.to)))
    .orderBy(asc(upkeepEntries.day), asc(upkeepEntries.id));
}

export async function upsertUpkeepRate(store: Store, person: string, hourValueUsd: number, by: string, at: string) {
  await readDb(store)
    .insert(upkeepRates)
    .values({ person, hourValueUsd, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({ target: upkeepRates.person, set: { hourValueUsd, updatedBy: by, updatedAt: at } });
}

export async function readUpkeepRates(db: CairnDb): Promise<Map<string, number>> {
  const rows = await db.select().from(upkeepRates);
  return new Map(rows.map((r) => [r.person, r.hourValueUsd]));
}
