/**
 * The Tuning page's board: today's findings joined with their recorded states, sorted into open,
 * snoozed (until a date still ahead), dismissed and done (with the realised saving, frozen or
 * measured now). Done and dismissed findings AWS no longer shows come from their snapshots.
 */
import { advise, type CompleteFinding } from "../../analysis/advice/index";
import type { RealisedSaving } from "../../analysis/realised-saving";
import type { Day } from "../../model";
import { type FindingState, readFindingStates } from "../finding-states";
import type { CairnDb } from "../store";
import { loadAdviceInput } from "./advice";
import { measureRealised } from "./realised";

export interface BoardEntry {
  finding: CompleteFinding;
  state: FindingState | null;
  realised: RealisedSaving | null;
}

export interface FindingBoard {
  asOf: Day;
  hasMetrics: boolean;
  open: BoardEntry[];
  snoozed: BoardEntry[];
  dismissed: BoardEntry[];
  done: BoardEntry[];
}

export async function loadFindingBoard(db: CairnDb, asOf: Day, today: Day): Promise<FindingBoard> {
  const input = await loadAdviceInput(db, asOf);
  const findings = advise(input);
  const states = await readFindingStates(db);
  const board: FindingBoard = {
    asOf,
    hasMetrics: input.metrics.length > 0,
    open: [],
    snoozed: [],
    dismissed: [],
    done: [],
  };
  const seen = new Set<string>();
  for (const finding of findings) {
    seen.add(finding.id);
    const state = states.get(finding.id) ?? null;
    const entry = { finding, state, realised: null };
    if (state?.status === "snoozed" && (state.snoozedUntil ?? "") > today) board.snoozed.push(entry);
    else if (state?.status === "dismissed") board.dismissed.push(entry);
    else if (state?.status === "done") board.done.push(entry);
    else board.open.push(entry);
  }
  for (const state of states.values()) {
    if (seen.has(state.findingId)) continue;
    const entry = { finding: state.snapshot, state, realised: null };
    if (state.status === "done") board.done.push(entry);
    else if (state.status === "dismissed") board.dismissed.push(entry);
    else if (state.status === "snoozed" && (state.snoozedUntil ?? "") > today) board.snoozed.push(entry);
  }
  for (const entry of board.done) {
    if (entry.state) entry.realised = await measureRealised(db, entry.state, today);
  }
  board.done.sort((a, b) => (b.state?.doneOn ?? "").localeCompare(a.state?.doneOn ?? ""));
  return board;
}
