/**
 * `cairn sources [--json]`: what each source holds and how much of it counts, then the
 * reconciliation table of the data health page (each account and month two sources cover: both
 * totals, their difference, the counted source, and the services behind a difference over 1%).
 * `cairn sources --remove-focus YYYY-MM [--account ID]` takes an imported FOCUS month back out,
 * so Cost Explorer's figures for it count again.
 */
import { type AccountNames, accountLabel } from "../accounts/account-names";
import { loadAccountNames } from "../accounts/load-account-names";
import { fill } from "../format/fill";
import { formatDay, formatMoney, formatMonth, formatNumber } from "../format/numbers";
import { RECONCILIATION_WORDS, semicolon, signedPercent, signedUsd } from "../format/reconciliation-words";
import { frenchTypography } from "../format/typography";
import type { Locale } from "../model";
import { type SourceComparison, sourceComparisons } from "../store/read/reconciliation";
import { costsBySource } from "../store/read/sources";
import { removeFocusMonth } from "../store/remove-focus-month";
import { readDb } from "../store/store";
import { CLI_SOURCES_WORDS } from "./cli-words";
import { type Command, UsageError } from "./command";

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

const usd = (n: number, locale: Locale) => formatMoney(n, "USD", locale);

export function comparisonRows(
  comparisons: readonly SourceComparison[],
  locale: Locale,
  names: AccountNames = {},
): string[][] {
  const w = RECONCILIATION_WORDS[locale];
  return comparisons.map((c) => [
    accountLabel(c.accountId, names),
    formatMonth(c.month, locale),
    `${c.first.source} ${usd(c.first.costUsd, locale)}`,
    `${c.second.source} ${usd(c.second.costUsd, locale)}`,
    `${signedUsd(c.differenceUsd, locale)} (${signedPercent(c.differencePercent, locale)})${c.flagged ? " !" : ""}`,
    c.countedSource,
    c.services.map((s) => `${s.service} ${signedUsd(s.differenceUsd, locale)}`).join(semicolon(locale)) ||
      w.days(c.commonDays),
  ]);
}

export const sourcesCommand: Command = {
  name: "sources",
  summary: "What each cost source holds, which counts, and how they compare",
  usage: `Usage: cairn sources [--json]
       cairn sources --remove-focus YYYY-MM [--account ID]

Where a FOCUS export (cairn import) and Cost Explorer (cairn collect) cover the same account and
month, only one counts: a complete FOCUS month over Cost Explorer, Cost Explorer for the days the
export does not cover yet. The other lines are kept. This prints each source's lines and cost,
then, for each account and month two sources cover, both totals over their common days, the
difference (marked ! above 1%, with the services that explain it) and the source counted.
--remove-focus takes an imported month out again (for one account with --account): its FOCUS
lines are deleted and the Cost Explorer figures of that month count again.`,
  options: {
    json: { type: "boolean", default: false },
    "remove-focus": { type: "string" },
    account: { type: "string" },
  },
  async run(ctx, values) {
    const store = ctx.openStore();
    const locale = ctx.config.CAIRN_LOCALE;
    const remove = values["remove-focus"];
    if (remove !== undefined) {
      if (typeof remove !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(remove)) {
        throw new UsageError(`--remove-focus must be a month YYYY-MM, got ${JSON.stringify(remove)}`);
      }
      const account = typeof values.account === "string" ? [values.account] : undefined;
      const removed = await removeFocusMonth(store, remove, account, ctx.now().toISOString());
      const sw = CLI_SOURCES_WORDS[locale];
      const line = fill(sw.removed, {
        n: removed.costLines,
        month: formatMonth(remove, locale),
        account: account
          ? fill(sw.forAccount, { account: accountLabel(account[0] ?? "", await loadAccountNames(store, ctx.config)) })
          : "",
      });
      ctx.out(locale === "fr" ? frenchTypography(line) : line);
      return 0;
    }
    if (values.account !== undefined) throw new UsageError("--account goes with --remove-focus");
    const db = readDb(store);
    const [sources, comparisons] = [await costsBySource(db), await sourceComparisons(db)];
    if (values.json === true) {
      ctx.out(JSON.stringify({ sources, comparisons }, null, 2));
      return 0;
    }
    const w = RECONCILIATION_WORDS[locale];
    const sw = CLI_SOURCES_WORDS[locale];
    ctx.out(
      table(
        [sw.source, sw.lines, sw.cost, sw.counted, sw.from, sw.to].map((h) => h.toUpperCase()),
        sources.map((s) => [
          s.source,
          formatNumber(s.lines, locale),
          usd(s.costUsd, locale),
          usd(s.countedCostUsd, locale),
          s.oldestDay ? formatDay(s.oldestDay, locale) : "",
          s.newestDay ? formatDay(s.newestDay, locale) : "",
        ]),
      ),
    );
    ctx.out("");
    ctx.out(`${w.heading}`);
    if (comparisons.length === 0) {
      ctx.out(w.none);
      return 0;
    }
    ctx.out(
      table(
        [w.account, w.month, w.first, w.second, w.difference, w.counted, w.explained].map((h) => h.toUpperCase()),
        comparisonRows(comparisons, locale, await loadAccountNames(store, ctx.config)),
      ),
    );
    return 0;
  },
};
