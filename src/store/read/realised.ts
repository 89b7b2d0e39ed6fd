/** A done finding's realised saving: the frozen figure, else measured from the lines now. */
import { BASELINE_DAYS, MEASURE_DAYS, type RealisedSaving, realisedSaving } from "../../analysis/realised-saving";
import { addDays } from "../../days";
import type { FindingState } from "../finding-states";
import type { CairnDb } from "../store";
import { findingDailyCosts } from "./finding-costs";

export async function measureRealised(db: CairnDb, state: FindingState, today: string): Promise<RealisedSaving | null> {
  if (state.status !== "done" || !state.doneOn) return null;
  if (state.realised) return state.realised;
  const f = state.snapshot;
  const costs = await findingDailyCosts(
    db,
    { accountId: f.accountId, region: f.region, usageTypes: f.usageTypes },
    { from: addDays(state.doneOn, -BASELINE_DAYS), to: addDays(state.doneOn, MEASURE_DAYS + 1) },
  );
  return realisedSaving((d) => costs.get(d) ?? 0, state.doneOn, today);
}
