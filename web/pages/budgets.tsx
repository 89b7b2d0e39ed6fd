/**
 * Budgets: each one's spend and forecast as bars; for admins the add form, each budget's
 * change form in place (`?edit=NAME`), and a confirmation before deleting (`?delete=NAME`).
 * A refused form comes back with what was typed and each error beside its field.
 */

import { useContext } from "hono/jsx";
import { type AccountNames, accountLabel } from "../../src/accounts/account-names";
import type { BudgetStatus } from "../../src/analysis/budget-status";
import { addDays } from "../../src/days";
import { formatDay, formatMoney, formatMonth, formatPercent } from "../../src/format/numbers";
import { colonFor, quote } from "../../src/format/typography";
import type { Budget, Currency, Locale } from "../../src/model";
import type { ScopeChoices } from "../../src/store/read/scope-choices";
import { CsrfField, isAdmin, useViewer } from "../auth/viewer";
import { pick, type Translate } from "../i18n";
import { AccountNamesContext } from "./account-name";
import { BUDGETS_WORDS } from "./budgets-words";
import { ErrorSummary, FieldError, type FieldErrors, invalidProps } from "./form-errors";
import { Layout } from "./layout";
import { ScopeFields } from "./scope-fields";

type Words = (typeof BUDGETS_WORDS)["en"];

function periodLabel(b: Budget, w: Words, locale: Locale): string {
  if (b.periodKind === "custom" && b.customPeriod) {
    return `${formatDay(b.customPeriod.from, locale)} – ${formatDay(addDays(b.customPeriod.to, -1), locale)}`;
  }
  return b.periodKind === "year" ? w.periodYear : w.periodMonth;
}

function scopeLabel(b: Budget, w: Words, locale: Locale, accounts: AccountNames): string {
  const names = { all: w.scopeAll, pipeline: w.scopePipeline, service: w.scopeService, account: w.scopeAccount };
  const value = b.scopeKind === "account" ? accountLabel(b.scopeValue, accounts) : b.scopeValue;
  return b.scopeKind === "all" ? w.scopeAll : `${names[b.scopeKind]}${colonFor(locale)}${value}`;
}

/** The thresholds as a reader sees them: "50 %, 80 %, 100 % · prévision 100 %". */
export function thresholdsLabel(b: Budget, locale: Locale, forecastWord: string): string {
  const pct = (r: number) => formatPercent(r, locale);
  const actual = b.thresholds.filter((t) => t.kind === "actual").map((t) => pct(t.ratio));
  const forecast = b.thresholds.filter((t) => t.kind === "forecast").map((t) => pct(t.ratio));
  return [actual.join(", "), forecast.length > 0 ? `${forecastWord} ${forecast.join(", ")}` : ""]
    .filter((part) => part !== "")
    .join(" · ");
}

/** A native meter: coloured by the browser, read by screen readers, no script. */
function Bar(props: { ratio: number; label: string }) {
  return (
    <meter min={0} max={1.2} low={0.8} high={1} optimum={0} value={Math.min(props.ratio, 1.2)} aria-label={props.label}>
      {props.label}
    </meter>
  );
}

/** The form being shown: a new budget, or a change to `of`; values as typed, errors by field. */
export interface BudgetFormState {
  of: string | null;
  values: Record<string, string>;
  errors: FieldErrors;
}

function editHref(name: string, action: "edit" | "delete"): string {
  return `/budgets?${action}=${encodeURIComponent(name)}#${action === "edit" ? "budget-form" : "confirm-delete"}`;
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
      <td data-label={w.amount}>{s.missingRate && s.amount === 0 ? "—" : money(s.amount)}</td>
      <td data-label={w.period} class="text">
        {periodLabel(b, w, locale)}
        {s.state === "upcoming" ? ` (${w.upcoming})` : s.state === "ended" ? ` (${w.ended})` : ""}
      </td>
      <td data-label={w.scope} class="text">
        {scopeLabel(b, w, locale, useContext(AccountNamesContext))}
      </td>
      <td data-label={w.spent}>
        <Bar ratio={s.spentRatio} label={`${w.spent} ${pct(s.spentRatio)}`} />{" "}
        <span class="nowrap">{money(s.spent)}</span> <span class="nowrap">({pct(s.spentRatio)})</span>
        {s.missingRate ? (
          <span class="muted">
            {" "}
            · {w.noRate} ({s.missingMonths.map((m) => formatMonth(m, locale)).join(", ")})
          </span>
        ) : null}
      </td>
      <td data-label={w.forecast}>
        {s.forecast === null || s.forecastRatio === null ? (
          "—"
        ) : (
          <>
            <Bar ratio={s.forecastRatio} label={`${w.forecast} ${pct(s.forecastRatio)}`} />{" "}
            <span class="nowrap">{money(s.forecast)}</span> <span class="nowrap">({pct(s.forecastRatio)})</span>
          </>
        )}
      </td>
      <td data-label={w.thresholds}>{thresholdsLabel(b, locale, w.thresholdForecast)}</td>
      {props.admin ? (
        <td data-label={w.actions} class="actions-cell">
          <a href={editHref(b.name, "edit")} aria-label={`${w.change}${colonFor(locale)}${b.name}`}>
            {w.change}
          </a>{" "}
          <a href={editHref(b.name, "delete")} class="danger" aria-label={`${w.remove}${colonFor(locale)}${b.name}`}>
            {w.remove}
          </a>
        </td>
      ) : null}
    </tr>
  );
}

/** The confirmation asked before a budget is deleted. */
function ConfirmDelete(props: { name: string; w: Words; locale: Locale }) {
  const { w } = props;
  return (
    <section class="notice confirm" id="confirm-delete" aria-labelledby="confirm-delete-title">
      <h2 id="confirm-delete-title">{w.deleteTitle.replace("{name}", quote(props.name, props.locale))}</h2>
      <p>{w.deleteText}</p>
      <form method="post" action="/budgets/delete" class="inline-form">
        <CsrfField />
        <input type="hidden" name="name" value={props.name} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="danger">
          {w.deleteConfirm}
        </button>
      </form>{" "}
      <a href="/budgets" class="button-link">
        {w.keep}
      </a>
    </section>
  );
}

const FIELD_IDS: [string, string, keyof Words][] = [
  ["name", "budget-name", "name"],
  ["amount", "budget-amount", "amount"],
  ["currency", "budget-currency", "currency"],
  ["periodKind", "budget-period", "period"],
  ["from", "budget-from", "from"],
  ["to", "budget-to", "to"],
  ["scopeKind", "budget-scope", "scope"],
  ["scopeValue", "budget-scope-value", "scopeValue"],
  ["thresholds", "budget-thresholds", "thresholds"],
];

function EditForm(props: {
  w: Words;
  t: Translate;
  form: BudgetFormState;
  choices: ScopeChoices;
  displayCurrency: Currency;
}) {
  const { w, form } = props;
  const v = form.values;
  const e = form.errors;
  const currency = v.currency || props.displayCurrency;
  const period = v.periodKind || "month";
  const input = (field: string, id: string) => ({
    id,
    name: field,
    value: v[field] ?? "",
    ...invalidProps(e, field, id),
  });
  return (
    <form method="post" action="/budgets" class="filters admin-action" id="budget-form" novalidate>
      <ErrorSummary
        errors={e}
        fields={FIELD_IDS.map(([field, id, label]) => ({ field, id, label: w[label] }))}
        t={props.t}
      />
      <CsrfField />
      {form.of !== null ? <input type="hidden" name="of" value={form.of} /> : null}
      <div class="field">
        <label for="budget-name">{w.name}</label>
        <input {...input("name", "budget-name")} required maxlength={100} />
        <FieldError errors={e} field="name" id="budget-name" />
      </div>
      <div class="field">
        <label for="budget-amount">{w.amount}</label>
        <input {...input("amount", "budget-amount")} required inputmode="decimal" />
        <FieldError errors={e} field="amount" id="budget-amount" />
      </div>
      <div class="field">
        <label for="budget-currency">{w.currency}</label>
        <select id="budget-currency" name="currency" {...invalidProps(e, "currency", "budget-currency")}>
          {(["EUR", "USD"] as const).map((c) => (
            <option value={c} selected={c === currency}>
              {c}
            </option>
          ))}
        </select>
        <FieldError errors={e} field="currency" id="budget-currency" />
      </div>
      <div class="field">
        <label for="budget-period">{w.period}</label>
        <select id="budget-period" name="periodKind" {...invalidProps(e, "periodKind", "budget-period")}>
          <option value="month" selected={period === "month"}>
            {w.periodMonth}
          </option>
          <option value="year" selected={period === "year"}>
            {w.periodYear}
          </option>
          <option value="custom" selected={period === "custom"}>
            {w.periodCustom}
          </option>
        </select>
        <FieldError errors={e} field="periodKind" id="budget-period" />
      </div>
      <div class="field">
        <label for="budget-from">{w.from}</label>
        <input {...input("from", "budget-from")} type="date" />
        <FieldError errors={e} field="from" id="budget-from" />
      </div>
      <div class="field">
        <label for="budget-to">{w.to}</label>
        <input {...input("to", "budget-to")} type="date" />
        <FieldError errors={e} field="to" id="budget-to" />
      </div>
      <ScopeFields idPrefix="budget" labels={w} values={v} choices={props.choices} errors={e} hint={w.scopeHint} />
      {e.scopeValue && form.values.scopeValue ? (
        <div class="field">
          <label class="check">
            <input type="checkbox" name="confirmUnknownScope" value="yes" id="budget-confirm-scope" />{" "}
            {w.confirmUnknownScope}
          </label>
        </div>
      ) : null}
      <div class="field">
        <label for="budget-thresholds">{w.thresholds}</label>
        <input
          {...input("thresholds", "budget-thresholds")}
          aria-describedby={e.thresholds ? "budget-thresholds-error budget-thresholds-help" : "budget-thresholds-help"}
        />
        <small id="budget-thresholds-help">{w.thresholdsHelp}</small>
        <FieldError errors={e} field="thresholds" id="budget-thresholds" />
      </div>
      <div class="field actions">
        <button type="submit">{w.save}</button>
        {form.of !== null || Object.keys(e).length > 0 ? <a href="/budgets">{w.cancel}</a> : null}
      </div>
    </form>
  );
}

export function BudgetsPage(props: {
  statuses: BudgetStatus[];
  locale: Locale;
  t: Translate;
  form: BudgetFormState;
  choices: ScopeChoices;
  displayCurrency: Currency;
  /** The budget whose deletion is being confirmed. */
  confirmDelete?: string;
}) {
  const { locale, t, form } = props;
  const w = pick(BUDGETS_WORDS, locale);
  const admin = isAdmin(useViewer());
  return (
    <Layout title={w.title} path="/budgets" locale={locale} t={t}>
      <h1>{w.title}</h1>
      <p class="muted">{w.intro}</p>
      {admin && props.confirmDelete !== undefined ? (
        <ConfirmDelete name={props.confirmDelete} w={w} locale={locale} />
      ) : null}
      {props.statuses.length === 0 ? (
        <p id="no-budget">{w.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="data cards" id="budgets-table">
            <thead>
              <tr>
                <th scope="col">{w.name}</th>
                <th scope="col">{w.amount}</th>
                <th scope="col">{w.period}</th>
                <th scope="col">{w.scope}</th>
                <th scope="col">{w.spent}</th>
                <th scope="col">{w.forecast}</th>
                <th scope="col">{w.thresholds}</th>
                {admin ? <th scope="col">{w.actions}</th> : null}
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
          <h2 id="budget-edit-title">{form.of !== null ? `${w.changeTitle} ${quote(form.of, locale)}` : w.addTitle}</h2>
          <p class="muted">{w.addHelp}</p>
          <EditForm w={w} t={t} form={form} choices={props.choices} displayCurrency={props.displayCurrency} />
        </section>
      ) : (
        <p class="notice" id="viewer-note">
          {w.viewerNote}
        </p>
      )}
    </Layout>
  );
}
