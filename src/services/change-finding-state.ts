/**
 * Changes a finding's state: `snooze` until a later date, `dismiss` with a reason, `done` on a
 * date (today by default, never in the future), or `reopen`. The actor is recorded. The finding
 * is looked up among today's findings, or in its stored snapshot (a done finding is no longer
 * produced once fixed). Used by the Tuning page and `cairn advise`.
 */
import { z } from "zod";
import { advise } from "../analysis/advice/index";
import { isValidDay, toDay } from "../days";
import { type FindingState, readFindingState, writeFindingState } from "../store/finding-states";
import { loadAdviceInput } from "../store/read/advice";
import { readDb, type Store } from "../store/store";
import { inputError, parseInput } from "./errors";

const day = z.string().trim().refine(isValidDay, "dayInvalid");

export const changeFindingStateInput = z
  .object({
    findingId: z.string().trim().min(1, "findingIdMissing").max(500, "textTooLong"),
    action: z.enum(["snooze", "dismiss", "done", "reopen"], { message: "findingActionInvalid" }),
    until: day.optional(),
    reason: z.string().trim().max(500, "reasonTooLong").optional(),
    doneOn: day.optional(),
    /** The day whose findings to look the finding up in (default today). */
    asOf: day.optional(),
    actor: z.string().trim().min(1, "must say who acts").max(200, "is too long"),
  })
  .refine((i) => i.action !== "snooze" || i.until !== undefined, { path: ["until"], message: "snoozeNeedsDay" })
  .refine((i) => i.action !== "dismiss" || (i.reason ?? "") !== "", {
    path: ["reason"],
    message: "dismissNeedsReason",
  });

export type ChangeFindingStateInput = z.input<typeof changeFindingStateInput>;

export async function changeFindingState(
  deps: { store: Store; now: () => Date },
  raw: ChangeFindingStateInput,
): Promise<FindingState> {
  const input = parseInput(changeFindingStateInput, raw);
  const today = toDay(deps.now());
  const db = readDb(deps.store);
  const stored = await readFindingState(db, input.findingId);
  const snapshot =
    advise(await loadAdviceInput(db, input.asOf ?? today)).find((f) => f.id === input.findingId) ??
    stored?.snapshot ??
    null;
  if (!snapshot) throw inputError("findingId", "findingMissing", { id: input.findingId }, "refused");
  if (input.action === "snooze" && (input.until ?? "") <= today) {
    throw inputError("until", "snoozeNotAfterToday", { today }, "refused");
  }
  const doneOn = input.doneOn ?? today;
  if (input.action === "done" && doneOn > today) throw inputError("doneOn", "doneAfterToday", { today }, "refused");
  const state: FindingState = {
    findingId: input.findingId,
    status:
      input.action === "reopen"
        ? "open"
        : input.action === "snooze"
          ? "snoozed"
          : input.action === "dismiss"
            ? "dismissed"
            : "done",
    snoozedUntil: input.action === "snooze" ? (input.until ?? null) : null,
    reason: input.action === "dismiss" ? (input.reason ?? null) : (input.reason ?? null),
    doneOn: input.action === "done" ? doneOn : null,
    snapshot,
    changedBy: input.actor,
    changedAt: deps.now().toISOString(),
    // A new "done" date starts a new measure; other changes drop it too.
    realised: null,
  };
  await writeFindingState(deps.store, state);
  return state;
}
