/**
 * Measures every done finding's realised saving (src/analysis/realised-saving.ts) and stores it
 * once final (four weeks after "done"), so the figure no longer moves with later restatements.
 * Run by `cairn advise` and after each state change: writers, never page reads.
 */
import { toDay } from "../days";
import { freezeRealised, readFindingStates } from "../store/finding-states";
import { measureRealised } from "../store/read/realised";
import { readDb, type Store } from "../store/store";

export async function freezeRealisedSavings(deps: { store: Store; now: () => Date }): Promise<number> {
  const db = readDb(deps.store);
  const today = toDay(deps.now());
  let frozen = 0;
  for (const state of (await readFindingStates(db)).values()) {
    if (state.status !== "done" || state.realised) continue;
    const measured = await measureRealised(db, state, today);
    if (measured?.final) {
      await freezeRealised(deps.store, state.findingId, measured);
      frozen++;
    }
  }
  return frozen;
}
