/** Where the Cost Explorer collector remembers its progress: one row of the `settings` table. */
import { eq } from "drizzle-orm";
import { settings } from "../store/schema/index";
import { readDb, type Store } from "../store/store";
import { type CollectState, EMPTY_STATE } from "./collect-window";

export const STATE_KEY = "collect.cost-explorer";

export async function readCollectState(store: Store): Promise<CollectState> {
  const rows = await readDb(store).select().from(settings).where(eq(settings.key, STATE_KEY)).limit(1);
  const value = rows[0]?.value as Partial<CollectState> | undefined;
  return { ...EMPTY_STATE, ...(value ?? {}) };
}

export async function writeCollectState(store: Store, state: CollectState, updatedAt: string): Promise<void> {
  await readDb(store)
    .insert(settings)
    .values({ key: STATE_KEY, value: state, updatedAt })
    .onConflictDoUpdate({ target: settings.key, set: { value: state, updatedAt } });
}
