/**
 * `cairn advise [--as-of YYYY-MM-DD] [--json]`: tuning findings from the stored CloudWatch
 * metrics and estimated cost lines of the 14 (Lambda: 28) days before --as-of (default today),
 * each with its evidence, assumptions and monthly saving in money and CO2e, largest first.
 */

import { type AccountNames, labelAccountsIn } from "../accounts/account-names";
import { loadAccountNames } from "../accounts/load-account-names";
import { findingTexts } from "../analysis/advice/fr";
import { advise, type CompleteFinding } from "../analysis/advice/index";
import { WINDOW_DAYS } from "../analysis/advice/types";
import { addDays, monthOf, toDay } from "../days";
import { fill } from "../format/fill";
import { formatDay, formatMoney, formatNumber } from "../format/numbers";
import { moneyInSentence } from "../format/sentence-money";
import { colonFor, frenchTypography } from "../format/typography";
import type { Locale } from "../model";
import { changeFindingState } from "../services/change-finding-state";
import { ServiceInputError } from "../services/errors";
import { freezeRealisedSavings } from "../services/freeze-realised-savings";
import { readFindingStates } from "../store/finding-states";
import { loadAdviceInput } from "../store/read/advice";
import { readDb } from "../store/store";
import { loadCliMoney } from "./cli-money";
import { CLI_ADVICE_WORDS } from "./cli-words";
import { CliFailure, type Command, dayOption, UsageError } from "./command";

type AdviceWords = (typeof CLI_ADVICE_WORDS)["en"];

/** A word of the table by its prefix and value (a state, a confidence), or the value itself. */
const wordOf = (w: AdviceWords, prefix: string, value: string) =>
  (w as Record<string, string>)[`${prefix}_${value}`] ?? value;

/**
 * The findings as the command prints them, in the reader's language: the finding's own texts
 * (French where the adviser wrote them), amounts through `money` (the display currency, amounts
 * inside sentences included), CO2e in kg, days written out.
 */
export function formatFindings(
  findings: readonly (CompleteFinding & { state?: string })[],
  asOf: string,
  hasMetrics: boolean,
  locale: Locale = "en",
  money: (usd: number, digits?: number) => string = (usd, digits = 2) => formatMoney(usd, "USD", locale, digits),
  /** Accounts named "Name (id)" in the texts; the finding's id keeps the bare id (`cairn advise done ID`). */
  names: AccountNames = {},
): string[] {
  const w = CLI_ADVICE_WORDS[locale];
  const kg = (g: number) => `${formatNumber(g / 1000, locale, 2)} kg CO2e`;
  const from = addDays(asOf, -WINDOW_DAYS);
  const usd = findings.reduce((s, f) => s + f.monthlySavingUsd, 0);
  const co2e = findings.reduce((s, f) => s + f.monthlySavingCo2eGrams, 0);
  const out = [
    fill(w.header, {
      from: formatDay(from, locale),
      to: formatDay(addDays(asOf, -1), locale),
      n: String(findings.length),
      money: money(usd),
      co2e: kg(co2e),
    }),
  ];
  if (!hasMetrics) out.push(w.noMetrics);
  const colon = colonFor(locale);
  findings.forEach((f, i) => {
    const texts = findingTexts(f, locale);
    const said = (sentence: string) => labelAccountsIn(moneyInSentence(sentence, money), names);
    const r = f.savingRange;
    out.push(
      "",
      `${i + 1}. ${said(texts.action)}`,
      `   ${f.kind} · ${labelAccountsIn(f.resource, names)} · ${f.region}`,
      `   ${fill(w.saves, { money: money(f.monthlySavingUsd), co2e: kg(f.monthlySavingCo2eGrams) })}`,
      `   ${w.state}${colon}${wordOf(w, "state", f.state ?? "open")} · ${w.range}${colon}${money(r.lowUsd)} ${w.to} ${money(r.highUsd)}, ${kg(r.lowCo2eGrams)} ${w.to} ${kg(r.highCo2eGrams)} · ${w.confidence}${colon}${wordOf(w, "confidence", f.confidence)} · id${colon}${f.id}`,
    );
    if (f.command) out.push(`   ${w.do} ${f.command}`);
    for (const e of texts.evidence) out.push(`   ${w.evidence} ${said(e)}`);
    for (const a of texts.assumptions) out.push(`   ${w.assumes} ${said(a)}`);
  });
  return locale === "fr" ? out.map(frenchTypography) : out;
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
        const locale = ctx.config.CAIRN_LOCALE;
        const w = CLI_ADVICE_WORDS[locale];
        const changed = fill(w.changed, {
          id,
          state: wordOf(w, "state", state.status),
          done: state.doneOn ? fill(w.doneOn, { day: formatDay(state.doneOn, locale) }) : "",
          until: state.snoozedUntil ? fill(w.until, { day: formatDay(state.snoozedUntil, locale) }) : "",
          by: state.changedBy,
        });
        ctx.out(locale === "fr" ? frenchTypography(changed) : changed);
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
    if (values.json === true) {
      ctx.out(JSON.stringify({ asOf, findings }, null, 2));
      return 0;
    }
    // Monthly savings are valued at the rate of the month the findings look at, as on /tuning.
    const locale = ctx.config.CAIRN_LOCALE;
    const findingsMonth = monthOf(addDays(asOf, -1));
    const money = await loadCliMoney(readDb(ctx.openStore()), ctx.config.CAIRN_CURRENCY, locale, [findingsMonth]);
    const lines = formatFindings(
      findings,
      asOf,
      input.metrics.length > 0,
      locale,
      (usd, digits) => money.format(usd, findingsMonth, digits),
      await loadAccountNames(ctx.openStore(), ctx.config),
    );
    if (money.missingNote) lines.splice(1, 0, money.missingNote);
    for (const line of lines) ctx.out(line);
    return 0;
  },
};
