/**
 * `cairn advise [--as-of YYYY-MM-DD] [--json]`: tuning findings from the stored CloudWatch
 * metrics and estimated cost lines of the 14 (Lambda: 28) days before --as-of (default today),
 * each with its evidence, assumptions and monthly saving in money and CO2e, largest first.
 */
import { advise, type CompleteFinding } from "../analysis/advice/index";
import { WINDOW_DAYS } from "../analysis/advice/types";
import { addDays, toDay } from "../days";
import { changeFindingState } from "../services/change-finding-state";
import { ServiceInputError } from "../services/errors";
import { freezeRealisedSavings } from "../services/freeze-realised-savings";
import { readFindingStates } from "../store/finding-states";
import { loadAdviceInput } from "../store/read/advice";
import { readDb } from "../store/store";
import { CliFailure, type Command, dayOption, UsageError } from "./command";

const kg = (g: number) => `${(g / 1000).toFixed(2)} kg CO2e`;

export function formatFindings(
  findings: readonly (CompleteFinding & { state?: string })[],
  asOf: string,
  hasMetrics: boolean,
): string[] {
  const from = addDays(asOf, -WINDOW_DAYS);
  const usd = findings.reduce((s, f) => s + f.monthlySavingUsd, 0);
  const co2e = findings.reduce((s, f) => s + f.monthlySavingCo2eGrams, 0);
  const out = [
    `Tuning advice for ${from} to ${addDays(asOf, -1)}: ${findings.length} finding(s), $${usd.toFixed(2)} and ${kg(co2e)} a month in all.`,
  ];
  if (!hasMetrics)
    out.push(
      "No CloudWatch metrics are stored for this period: run `cairn collect --source cloudwatch` (only the region advice works without them).",
    );
  findings.forEach((f, i) => {
    out.push(
      "",
      `${i + 1}. ${f.action}`,
      `   ${f.kind} · ${f.resource} · ${f.region}`,
      `   Saves $${f.monthlySavingUsd.toFixed(2)} and ${kg(f.monthlySavingCo2eGrams)} a month.`,
      `   state: ${f.state ?? "open"} · range: $${f.savingRange.lowUsd.toFixed(2)} to $${f.savingRange.highUsd.toFixed(2)}, ${kg(f.savingRange.lowCo2eGrams)} to ${kg(f.savingRange.highCo2eGrams)} · confidence: ${f.confidence} · id: ${f.id}`,
    );
    if (f.command) out.push(`   do:       ${f.command}`);
    for (const e of f.evidence) out.push(`   evidence: ${e}`);
    for (const a of f.assumptions) out.push(`   assumes:  ${a}`);
  });
  return out;
}

export const adviseCommand: Command = {
  name: "advise",
  summary: "Tuning findings with their savings in money and CO2e",
  usage: `Usage: cairn advise [--as-of YYYY-MM-DD] [--json]
       cairn advise done ID --by NAME [--on YYYY-MM-DD] [--as-of YYYY-MM-DD]
       cairn advise snooze ID --by NAME --until YYYY-MM-DD
       cairn advise dismiss ID --by NAME --reason TEXT
       cairn advise reopen ID --by NAME

Reads the stored CloudWatch metrics (cairn collect --source cloudwatch) and the estimated cost
lines of the ${WINDOW_DAYS} days before --as-of (exclusive, default today; the Lambda rule compares
them with the ${WINDOW_DAYS} days before) and lists, largest saving first: EC2 instances idle or
under 10% CPU, Aurora Serverless minimum capacity above what the load needs, the Lambda functions
whose cost grew fastest, S3 storage that could move to a colder class, and pipelines that would
emit much less in another region. Each finding gives its evidence, its assumptions and its
monthly saving in USD and CO2e, its range and confidence, the exact action, its state and its
id. --json prints the findings as JSON.

done, snooze, dismiss and reopen change a finding's state (ID as listed), recorded with --by;
after "done", Cairn measures the realised saving for four weeks, then freezes it.`,
  positionals: true,
  options: {
    "as-of": { type: "string" },
    json: { type: "boolean", default: false },
    by: { type: "string" },
    on: { type: "string" },
    until: { type: "string" },
    reason: { type: "string" },
  },
  async run(ctx, values, positionals) {
    const verb = positionals[0];
    if (verb !== undefined) {
      if (!["done", "snooze", "dismiss", "reopen"].includes(verb)) {
        throw new UsageError(`advise takes done, snooze, dismiss or reopen, got ${JSON.stringify(verb)}`);
      }
      const id = positionals[1];
      if (id === undefined) throw new UsageError(`advise ${verb} needs the finding's ID (see \`cairn advise\`)`);
      if (typeof values.by !== "string") throw new UsageError(`advise ${verb} needs --by NAME (who did it)`);
      const store = ctx.openStore();
      try {
        const state = await changeFindingState(
          { store, now: ctx.now },
          {
            findingId: id,
            action: verb as "done",
            asOf: dayOption(values, "as-of"),
            actor: values.by,
            doneOn: typeof values.on === "string" ? values.on : undefined,
            until: typeof values.until === "string" ? values.until : undefined,
            reason: typeof values.reason === "string" ? values.reason : undefined,
          },
        );
        await freezeRealisedSavings({ store, now: ctx.now });
        ctx.out(
          `Finding ${id} is now ${state.status}${state.doneOn ? ` (done on ${state.doneOn})` : ""}${state.snoozedUntil ? ` until ${state.snoozedUntil}` : ""}, by ${state.changedBy}.`,
        );
        return 0;
      } catch (error) {
        if (error instanceof ServiceInputError) throw new CliFailure(`${error.field}: ${error.message}`);
        throw error;
      }
    }
    const asOf = dayOption(values, "as-of") ?? toDay(ctx.now());
    const input = await loadAdviceInput(readDb(ctx.openStore()), asOf);
    await freezeRealisedSavings({ store: ctx.openStore(), now: ctx.now });
    const states = await readFindingStates(readDb(ctx.openStore()));
    const findings = advise(input).map((f) => ({ ...f, state: states.get(f.id)?.status ?? "open" }));
    if (values.json === true) ctx.out(JSON.stringify({ asOf, findings }, null, 2));
    else for (const line of formatFindings(findings, asOf, input.metrics.length > 0)) ctx.out(line);
    return 0;
  },
};
