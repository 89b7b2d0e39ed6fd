/**
 * The admin's forms on a finding (mark done on a date, snooze until a date, dismiss with a
 * reason, reopen) and the done findings' table with their realised savings. Viewers see states,
 * not forms.
 */
import { findingTexts } from "../../src/analysis/advice/fr";
import { formatDay } from "../../src/format/numbers";
import { moneyInSentence } from "../../src/format/sentence-money";
import type { Locale } from "../../src/model";
import type { BoardEntry } from "../../src/store/read/finding-board";
import { CsrfField, isAdmin, useViewer } from "../auth/viewer";
import { pick } from "../i18n";
import { NamedAccountsIn } from "./account-name";
import { TUNING_WORDS } from "./tuning-words";

export function FindingForms(props: {
  findingId: string;
  today: string;
  locale: Locale;
  reopen?: boolean;
  /** The day whose findings the page shows, so the service finds this one. */
  asOf?: string;
}) {
  const viewer = useViewer();
  if (!isAdmin(viewer)) return null;
  const w = pick(TUNING_WORDS, props.locale);
  const form = (
    action: string,
    field: { name: string; label: string; type: "date" | "text"; value?: string } | null,
    button: string,
  ) => (
    <form method="post" action="/tuning/findings" class="inline-form finding-form">
      <CsrfField />
      <input type="hidden" name="findingId" value={props.findingId} />
      <input type="hidden" name="action" value={action} />
      {props.asOf ? <input type="hidden" name="asOf" value={props.asOf} /> : null}
      {field ? (
        <label>
          {field.label} <input type={field.type} name={field.name} value={field.value ?? ""} required />
        </label>
      ) : null}{" "}
      <button type="submit" data-action={action}>
        {button}
      </button>
    </form>
  );
  if (props.reopen) return form("reopen", null, w.reopen);
  return (
    <div class="finding-actions">
      {form("done", { name: "doneOn", label: w.markDone, type: "date", value: props.today }, w.markDone)}
      {form("snooze", { name: "until", label: w.snoozeUntil, type: "date" }, w.snoozeUntil)}
      {form("dismiss", { name: "reason", label: w.dismissBecause, type: "text" }, w.dismissBecause)}
    </div>
  );
}

export function DoneTable(props: {
  entries: BoardEntry[];
  today: string;
  /** A USD amount in the page's currency (./page-money.ts). */
  money: (usd: number) => string;
  locale: Locale;
}) {
  const { locale } = props;
  const w = pick(TUNING_WORDS, locale);
  if (props.entries.length === 0) return <p class="muted">{w.noneDone}</p>;
  const money = props.money;
  return (
    <div class="table-scroll">
      <table class="data" id="done-findings">
        <thead>
          <tr>
            <th scope="col">{w.findings}</th>
            <th scope="col">{w.doneOn}</th>
            <th scope="col">{w.estimated}</th>
            <th scope="col">{w.realised}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr data-finding-id={e.finding.id}>
              <th scope="row">
                <NamedAccountsIn text={moneyInSentence(findingTexts(e.finding, locale).action, money)} />
              </th>
              <td>
                {e.state?.doneOn ? formatDay(e.state.doneOn, locale) : ""} ({w.by} {e.state?.changedBy})
              </td>
              <td>{money(e.finding.monthlySavingUsd)}</td>
              <td class="realised">
                {e.realised ? (
                  <>
                    <strong>{money(e.realised.monthlyUsd)}</strong> ({w.range} {money(e.realised.lowUsd)} {w.and}{" "}
                    {money(e.realised.highUsd)}) ·{" "}
                    {e.realised.final ? w.final : `${w.measuring}, ${e.realised.daysMeasured} ${w.daysOf}`}
                  </>
                ) : (
                  w.notYet
                )}
              </td>
              <td>
                <FindingForms findingId={e.finding.id} today={props.today} locale={locale} reopen />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
