/** Finding states as stored: read them all, write one, freeze a realised saving. */
import { eq } from "drizzle-orm";
import type { CompleteFinding } from "../analysis/advice/index";
import type { RealisedSaving } from "../analysis/realised-saving";
import { findingStates } from "./schema/index";
import { type CairnDb, readDb, type Store } from "./store";

export type FindingStatus = "open" | "snoozed" | "dismissed" | "done";

export interface FindingState {
  findingId: string;
  status: FindingStatus;
  snoozedUntil: string | null;
  reason: string | null;
  doneOn: string | null;
  snapshot: CompleteFinding;
  changedBy: string;
  changedAt: string;
  realised: RealisedSaving | null;
}

function toState(r: typeof findingStates.$inferSelect): FindingState {
  return {
    ...r,
    status: r.status as FindingStatus,
    snapshot: r.snapshot as CompleteFinding,
    realised: (r.realised as RealisedSaving | null) ?? null,
  };
}

export async function readFindingStates(db: CairnDb): Promise<Map<string, FindingState>> {
  const rows = await db.select().from(findingStates);
  return new Map(rows.map((r) => [r.findingId, toState(r)]));
}

export async function readFindingState(db: CairnDb, findingId: string): Promise<FindingState | null> {
  const [row] = await db.select().from(findingStates).where(eq(findingStates.findingId, findingId));
  return row ? toState(row) : null;
}

export async function writeFindingState(store: Store, state: FindingState): Promise<void> {
  const { findingId, ...rest } = state;
  await readDb(store)
    .insert(findingStates)
    .values(state)
    .onConflictDoUpdate({ target: findingStates.findingId, set: rest });
}

export async function freezeRealised(store: Store, findingId: string, realised: RealisedSaving): Promise<void> {
  await readDb(store).update(findingStates).set({ realised }).where(eq(findingStates.findingId, findingId));
}
