/**
 * The data health page's view of what each source holds (collected and imported lines side by
 * side), and of other providers' rows that FOCUS imports count apart, labelled as outside every
 * AWS figure.
 */
import { formatDay, formatNumber } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import { pick } from "../i18n";
import { AccountName } from "./account-name";
import { ListTable } from "./list-table";
import type { RunsData } from "./runs-data";
import { RUNS_WORDS } from "./runs-words";
import { sourceLabel } from "./source-labels";

export function SourcesSection(props: { data: RunsData; locale: Locale }) {
  const { data, locale } = props;
  const w = pick(RUNS_WORDS, locale);
  const money = (amount: number | undefined) => data.money.formatConverted(amount ?? 0);
  return (
    <>
      <h2 id="sources-heading">{w.sources}</h2>
      <p class="muted">{w.sourcesIntro}</p>
      <ListTable
        id="sources-table"
        labelledBy="sources-heading"
        empty={data.sources.length === 0}
        emptyText={w.noSources}
        emptyClass="notice"
        headers={[w.source, w.lines, w.sourceCost, w.countedCost, w.oldestDay, w.newestDay]}
      >
        {data.sources.map((s) => (
          <tr data-source={s.source}>
            <th scope="row">{sourceLabel(s.source, locale)}</th>
            <td data-lines={s.lines}>{formatNumber(s.lines, locale)}</td>
            <td data-cost-usd={s.costUsd.toFixed(2)}>{money(data.money.sources.get(s.source)?.cost)}</td>
            <td data-counted-usd={s.countedCostUsd.toFixed(2)}>{money(data.money.sources.get(s.source)?.counted)}</td>
            <td data-day={s.oldestDay}>{formatDay(s.oldestDay, locale)}</td>
            <td data-day={s.newestDay}>{formatDay(s.newestDay, locale)}</td>
          </tr>
        ))}
      </ListTable>
      {/* Shown only when an export held other providers' rows: nothing to say otherwise. */}
      {data.otherProviders.length === 0 ? null : (
        <>
          <h2 id="other-providers-heading">{w.otherProviders}</h2>
          <p class="muted">{w.otherProvidersIntro}</p>
          <ListTable
            id="other-providers-table"
            labelledBy="other-providers-heading"
            empty={false}
            emptyText=""
            headers={[w.provider, w.billingPeriod, w.billingAccount, w.otherRows, w.billedCost]}
          >
            {data.otherProviders.map((o) => (
              <tr data-provider={o.provider}>
                <th scope="row">{o.provider}</th>
                <td class="text">{o.billingPeriod}</td>
                <td class="text">
                  <AccountName id={o.billingAccountId} />
                </td>
                <td data-rows={o.rows}>{formatNumber(o.rows, locale)}</td>
                <td data-billed-cost={o.billedCost.toFixed(2)}>
                  {formatNumber(o.billedCost, locale, 2)} {o.currency}
                </td>
              </tr>
            ))}
          </ListTable>
        </>
      )}
    </>
  );
}
