/**
 * The data health page's reconciliation: for each account and month two sources cover, both
 * totals over their common days, the difference, the source counted, and above 1% the services
 * that explain it (the same table `cairn sources` prints). Amounts in the page's currency at the
 * compared month's rate; the difference is that of the two figures shown, so they add up.
 */

import { formatMonth } from "../../src/format/numbers";
import {
  colon,
  RECONCILIATION_WORDS,
  semicolon,
  signedMoney,
  signedPercent,
} from "../../src/format/reconciliation-words";
import type { Locale } from "../../src/model";
import type { SourceComparison } from "../../src/store/read/reconciliation";
import { AccountName } from "./account-name";
import { ListTable } from "./list-table";
import type { PageMoney } from "./page-money";
import { sourceLabel } from "./source-labels";

export function ReconciliationSection(props: {
  comparisons: readonly SourceComparison[];
  money: PageMoney;
  locale: Locale;
}) {
  const { comparisons, money, locale } = props;
  const w = RECONCILIATION_WORDS[locale];
  const signed = (n: number) => signedMoney(n, money.converter.currency, locale);
  return (
    <>
      <h2 id="reconciliation-heading">{w.heading}</h2>
      <p class="muted">{w.intro}</p>
      <ListTable
        id="reconciliation-table"
        labelledBy="reconciliation-heading"
        empty={comparisons.length === 0}
        emptyText={w.none}
        emptyClass="notice"
        headers={[w.account, w.month, w.first, w.second, w.difference, w.counted, w.explained]}
      >
        {comparisons.map((c) => {
          const first = money.amount(c.first.costUsd, c.month);
          const second = money.amount(c.second.costUsd, c.month);
          return (
            <tr data-account={c.accountId} data-month={c.month} data-flagged={String(c.flagged)}>
              <th scope="row" class="text">
                <AccountName id={c.accountId} />
              </th>
              <td class="text">{formatMonth(c.month, locale)}</td>
              <td data-source={c.first.source} data-cost-usd={c.first.costUsd.toFixed(2)}>
                {sourceLabel(c.first.source, locale)}
                {colon(locale)}
                {money.formatConverted(first)}
              </td>
              <td data-source={c.second.source} data-cost-usd={c.second.costUsd.toFixed(2)}>
                {sourceLabel(c.second.source, locale)}
                {colon(locale)}
                {money.formatConverted(second)}
              </td>
              <td data-difference-usd={c.differenceUsd.toFixed(2)}>
                {signed(Math.round((first - second) * 100) / 100)} ({signedPercent(c.differencePercent, locale)}),{" "}
                {c.flagged ? <strong>{w.flagged}</strong> : w.withinThreshold}
              </td>
              <td class="text" data-counted={c.countedSource}>
                {sourceLabel(c.countedSource, locale)}
              </td>
              <td class="text">
                {c.services.length === 0
                  ? w.days(c.commonDays)
                  : c.services
                      .map((s) => `${s.service} ${signed(money.amount(s.differenceUsd, c.month))}`)
                      .join(semicolon(locale))}
              </td>
            </tr>
          );
        })}
      </ListTable>
    </>
  );
}
