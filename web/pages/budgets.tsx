/** Budgets: each one's spend and forecast as bars; the edit form for admins. */

import type { BudgetStatus } from "../../src/analysis/budget-status";
import { addDays } from "../../src/days";
import { formatDay, formatMoney, formatMonth, formatPercent } from "../../src/format/numbers";
import type { Budget, Locale } from "../../src/model";
import { CsrfField, isAdmin, useViewer } from "../auth/viewer";
import { pick, type Translate } from "../i18n";
import { BUDGETS_WORDS } from "./budgets-words";
import { Layout } from "./layout";
import { ScopeFields } from "./scope-fields";

type Words = (typeof BUDGETS_WORDS)["en"];

function periodLabel(b: Budget, w: Words, locale: Locale): string {
  if (b.periodKind === "custom" && b.customPeriod) {
    return `${formatDay(b.customPeriod.from, locale)} – ${formatDay(addDays(b.customPeriod.to, -1), locale)}`;
  }
  return b.periodKind === "year" ? w.periodYear : w.periodMonth;
}

function scopeLabel(b: Budget, w: Words): string {
  const names = { all: w.scopeAll, pipeline: w.scopePipeline, service: w.scopeService, account: w.scopeAccount };
  return b.scopeKind === "all" ? w.scopeAll : `${names[b.scopeKind]}: ${b.scopeValue}`;
}

export function thresholdsText(b: Budget): string {
  return b.thresholds.map((t) => `${t.kind === "forecast" ? "forecast:" : ""}${Math.round(t.ratio * 100)}`).join(",");
}

/** A native meter: coloured by the browser, read by screen readers, no script. */
function Bar(props: { ratio: number; label: string }) {
  return (
    <meter min={0} max={1.2} low={0.8} high={1} optimum={0} value={Math.min(props.ratio, 1.2)} aria-label={props.label}>
      {props.label}
    </meter>
  );
}

function Row(props: { s: BudgetStatus; w: Words; locale: Locale; admin: boolean }) {
  const { s, w, locale } = props;
  const b = s.budget;
  // Budget and spend both in the display currency (converted at the month's rate).
  const money = (n: number) => formatMoney(n, s.currency, locale);
  const pct = (r: number) => formatPercent(r, locale);
  return (
    <tr>
      <th scope="row">{b.name}</th>
      <td>{s.missingRate && s.amount === 0 ? "—" : money(s.amount)}</td>
      <td>
        {periodLabel(b, w, locale)}
        {s.state === "upcoming" ? ` (${w.upcoming})` : s.state === "ended" ? ` (${w.ended})` : ""}
      </td>
      <td>{scopeLabel(b, w)}</td>
      <td>
        <Bar ratio={s.spentRatio} label={`${w.spent} ${pct(s.spentRatio)}`} /> {money(s.spent)} ({pct(s.spentRatio)})
        {s.missingRate ? (
          <span class="muted">
            {" "}
            · {w.noRate} ({s.missingMonths.map((m) => formatMonth(m, locale)).join(", ")})
          </span>
        ) : null}
      </td>
      <td>
        {s.forecast === null || s.forecastRatio === null ? (
          "—"
        ) : (
          <>
            <Bar ratio={s.forecastRatio} label={`${w.forecast} ${pct(s.forecastRatio)}`} /> {money(s.forecast)} (
            {pct(s.forecastRatio)})
          </>
        )}
      </td>
      <td>{thresholdsText(b)}</td>
      {props.admin ? (
        <td>
          <form method="post" action="/budgets/delete" class="inline-form">
            <CsrfField />
            <input type="hidden" name="name" value={b.name} />
            <button type="submit" class="link danger" aria-label={`${w.remove}: ${b.name}`}>
              {w.remove}
            </button>
          </form>
        </td>
      ) : null}
    </tr>
  );
}

function EditForm(props: { w: Words }) {
  const { w } = props;
  return (
    <form method="post" action="/budgets" class="filters admin-action" id="budget-form">
      <CsrfField />
      <div class="field">
        <label for="budget-name">{w.name}</label>
        <input id="budget-name" name="name" required maxlength={100} />
      </div>
      <div class="field">
        <label for="budget-amount">{w.amount}</label>
        <input id="budget-amount" name="amount" type="number" step="any" min="0.01" required inputmode="decimal" />
      </div>
      <div class="field">
        <label for="budget-currency">{w.currency}</label>
        <select id="budget-currency" name="currency">
          <option value="EUR">EUR</option>
          <option value="USD">USD</option>
        </select>
      </div>
      <div class="field">
        <label for="budget-period">{w.period}</label>
        <select id="budget-period" name="periodKind">
          <option value="month">{w.periodMonth}</option>
          <option value="year">{w.periodYear}</option>
          <option value="custom">{w.periodCustom}</option>
        </select>
      </div>
      <div class="field">
        <label for="budget-from">{w.from}</label>
        <input id="budget-from" name="from" type="date" />
      </div>
      <div class="field">
        <label for="budget-to">{w.to}</label>
        <input id="budget-to" name="to" type="date" />
      </div>
      <ScopeFields idPrefix="budget" labels={w} />
      <div class="field">
        <label for="budget-thresholds">{w.thresholds}</label>
        <input
          id="budget-thresholds"
          name="thresholds"
          value="50,80,100,forecast:100"
          aria-describedby="budget-thresholds-help"
        />
        <small id="budget-thresholds-help">{w.thresholdsHelp}</small>
      </div>
      <div class="field actions">
        <button type="submit">{w.save}</button>
      </div>
    </form>
  );
}

export function BudgetsPage(props: { statuses: BudgetStatus[]; locale: Locale; t: Translate }) {
  const { locale, t } = props;
  const w = pick(BUDGETS_WORDS, locale);
  const admin = isAdmin(useViewer());
  return (
    <Layout title={w.title} path="/budgets" locale={locale} t={t}>
      <h1>{w.title}</h1>
      <p class="muted">{w.intro}</p>
      {props.statuses.length === 0 ? (
        <p id="no-budget">{w.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="data" id="budgets-table">
            <thead>
              <tr>
                <th scope="col">{w.name}</th>
                <th scope="col">{w.amount}</th>
                <th scope="col">{w.period}</th>
                <th scope="col">{w.scope}</th>
                <th scope="col">{w.spent}</th>
                <th scope="col">{w.forecast}</th>
                <th scope="col">{w.thresholds}</th>
                {admin ? <th scope="col" /> : null}
              </tr>
            </thead>
            <tbody>
              {props.statuses.map((s) => (
                <Row s={s} w={w} locale={locale} admin={admin} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {admin ? (
        <section aria-labelledby="budget-edit-title">
          <h2 id="budget-edit-title">{w.editTitle}</h2>
          <p class="muted">{w.editHelp}</p>
          <EditForm w={w} />
        </section>
      ) : (
        <p class="notice" id="viewer-note">
          {w.viewerNote}
        </p>
      )}
    </Layout>
  );
}
