/**
 * Settings: currency rates per month and planned-activity periods. Forms for admins only; a
 * refused form comes back with what was typed and each error beside its field, a refused
 * removal with its reason above its table.
 */

import { useContext } from "hono/jsx";
import { type AccountNames, accountLabel } from "../../src/accounts/account-names";
import type { MonthlyRate } from "../../src/analysis/currency";
import { fill } from "../../src/format/fill";
import { formatDay, formatMonth, formatNumber } from "../../src/format/numbers";
import { frenchOf } from "../../src/format/typography";
import type { Locale } from "../../src/model";
import type { StoredPlannedActivity } from "../../src/store/planned-activities";
import { CsrfField, isAdmin, useViewer } from "../auth/viewer";
import { pick, type Translate } from "../i18n";
import { AccountNamesContext } from "./account-name";
import { ErrorSummary, FieldError, type FieldErrors, invalidProps } from "./form-errors";
import { Layout } from "./layout";
import { ListTable } from "./list-table";
import { ScopeFields } from "./scope-fields";
import { SETTINGS_WORDS } from "./settings-words";

type Words = (typeof SETTINGS_WORDS)["en"];

/** One form as typed, with its errors by field. */
export interface SettingsFormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

/** What a refused POST brings back: the form it came from, or a removal's reason. */
export interface SettingsForms {
  rate?: SettingsFormState;
  planned?: SettingsFormState;
  removeError?: { section: "rates" | "planned"; message: string };
}

const EMPTY: SettingsFormState = { values: {}, errors: {} };

/** The attributes of an input that keeps what was typed and points at its error. */
function fieldProps(form: SettingsFormState, field: string, id: string) {
  return { id, name: field, value: form.values[field] ?? "", ...invalidProps(form.errors, field, id) };
}

function RemoveError(props: { forms: SettingsForms; section: "rates" | "planned" }) {
  const e = props.forms.removeError;
  return e?.section === props.section ? (
    <p class="notice error" role="alert" id={`${props.section}-remove-error`}>
      {e.message}
    </p>
  ) : null;
}

function scopeLabel(w: Words, kind: string, value: string, accounts: AccountNames = {}): string {
  const names: Record<string, string> = {
    all: w.scopeAll,
    pipeline: w.scopePipeline,
    service: w.scopeService,
    account: w.scopeAccount,
  };
  if (kind === "all") return w.scopeAll;
  return `${names[kind] ?? kind}: ${kind === "account" ? accountLabel(value, accounts) : value}`;
}

/** "d'octobre 2026", "de mars 2026", "of October 2026". */
function ofMonth(month: string, locale: Locale): string {
  const text = formatMonth(month, locale);
  return locale === "fr" ? frenchOf(text) : `of ${text}`;
}

function DeleteButton(props: {
  action: string;
  fields: Record<string, string>;
  label: string;
  what: string;
  /** The question asked before removing (web/public/static/app.js). */
  confirm: string;
}) {
  return (
    <form method="post" action={props.action} class="inline-form" data-confirm={props.confirm}>
      <CsrfField />
      {Object.entries(props.fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="link danger" aria-label={`${props.label}: ${props.what}`}>
        {props.label}
      </button>
    </form>
  );
}

export function SettingsPage(props: {
  rates: MonthlyRate[];
  planned: StoredPlannedActivity[];
  defaultMonth: string;
  /** A refused POST's forms (none on a plain GET). */
  forms?: SettingsForms;
  locale: Locale;
  t: Translate;
}) {
  const { locale, t } = props;
  const forms = props.forms ?? {};
  const rate = forms.rate ?? { values: { month: props.defaultMonth }, errors: {} };
  const planned = forms.planned ?? EMPTY;
  const w = pick(SETTINGS_WORDS, locale);
  const admin = isAdmin(useViewer());
  return (
    <Layout title={w.title} path="/settings" locale={locale} t={t}>
      <h1>{w.title}</h1>
      {admin ? null : (
        <p class="notice" id="viewer-note">
          {w.viewerNote}
        </p>
      )}
      <section aria-labelledby="rates-title">
        <h2 id="rates-title">{w.ratesTitle}</h2>
        <p class="muted">{w.ratesIntro}</p>
        <RemoveError forms={forms} section="rates" />
        <ListTable
          id="rates-table"
          empty={props.rates.length === 0}
          emptyText={w.noRates}
          headers={[w.month, w.currency, w.rate]}
          actions={admin ? w.actions : undefined}
        >
          {props.rates.map((r) => (
            <tr>
              <th scope="row">{formatMonth(r.month, locale)}</th>
              <td>{r.currency}</td>
              <td>{formatNumber(r.ratePerUsd, locale, 4)}</td>
              {admin ? (
                <td>
                  <DeleteButton
                    action="/settings/rates/delete"
                    fields={{ month: r.month, currency: r.currency }}
                    label={w.remove}
                    what={`${r.month} ${r.currency}`}
                    confirm={fill(w.confirmRemoveRate, { ofMonth: ofMonth(r.month, locale), currency: r.currency })}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </ListTable>
        {admin ? (
          <form method="post" action="/settings/rates" class="filters admin-action" id="rate-form" novalidate>
            <ErrorSummary
              errors={rate.errors}
              fields={[
                { field: "month", id: "rate-month", label: w.month },
                { field: "currency", id: "rate-currency", label: w.currency },
                { field: "ratePerUsd", id: "rate-value", label: w.rate },
                { field: "force", id: "rate-force", label: w.forcePast },
              ]}
              t={t}
            />
            <CsrfField />
            <div class="field">
              <label for="rate-month">{w.month}</label>
              <input {...fieldProps(rate, "month", "rate-month")} type="month" required />
              <FieldError errors={rate.errors} field="month" id="rate-month" />
            </div>
            <div class="field">
              <label for="rate-currency">{w.currency}</label>
              <select id="rate-currency" name="currency" {...invalidProps(rate.errors, "currency", "rate-currency")}>
                <option value="EUR">EUR</option>
              </select>
              <FieldError errors={rate.errors} field="currency" id="rate-currency" />
            </div>
            <div class="field">
              <label for="rate-value">{w.rate}</label>
              {/* Text, not number: "0,92" as a French reader types it is accepted (the service reads it). */}
              <input {...fieldProps(rate, "ratePerUsd", "rate-value")} required inputmode="decimal" />
              <FieldError errors={rate.errors} field="ratePerUsd" id="rate-value" />
            </div>
            <div class="field">
              <label for="rate-force">
                <input
                  id="rate-force"
                  name="force"
                  type="checkbox"
                  checked={rate.values.force === "on"}
                  {...invalidProps(rate.errors, "force", "rate-force")}
                />{" "}
                {w.forcePast}
              </label>
              <FieldError errors={rate.errors} field="force" id="rate-force" />
            </div>
            <div class="field actions">
              <button type="submit">{w.saveRate}</button>
            </div>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="planned-title">
        <h2 id="planned-title">{w.plannedTitle}</h2>
        <p class="muted">{w.plannedIntro}</p>
        <RemoveError forms={forms} section="planned" />
        <ListTable
          id="planned-table"
          empty={props.planned.length === 0}
          emptyText={w.noPlanned}
          headers={[w.name, w.fromDay, w.toDay, w.scope]}
          actions={admin ? w.actions : undefined}
        >
          {props.planned.map((p) => (
            <tr>
              <th scope="row">{p.name}</th>
              <td>{formatDay(p.fromDay, locale)}</td>
              <td>{formatDay(p.toDay, locale)}</td>
              <td>{scopeLabel(w, p.scopeKind, p.scopeValue, useContext(AccountNamesContext))}</td>
              {admin ? (
                <td>
                  <DeleteButton
                    action="/settings/planned/delete"
                    fields={{ id: String(p.id) }}
                    label={w.remove}
                    what={p.name}
                    confirm={fill(w.confirmRemovePlanned, { name: p.name })}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </ListTable>
        {admin ? (
          <form method="post" action="/settings/planned" class="filters admin-action" id="planned-form" novalidate>
            <ErrorSummary
              errors={planned.errors}
              fields={[
                { field: "name", id: "planned-name", label: w.name },
                { field: "fromDay", id: "planned-from", label: w.fromDay },
                { field: "toDay", id: "planned-to", label: w.toDay },
                { field: "scopeKind", id: "planned-scope", label: w.scope },
                { field: "scopeValue", id: "planned-scope-value", label: w.scopeValue },
              ]}
              t={t}
            />
            <CsrfField />
            <div class="field">
              <label for="planned-name">{w.name}</label>
              <input {...fieldProps(planned, "name", "planned-name")} required maxlength={100} />
              <FieldError errors={planned.errors} field="name" id="planned-name" />
            </div>
            <div class="field">
              <label for="planned-from">{w.fromDay}</label>
              <input {...fieldProps(planned, "fromDay", "planned-from")} type="date" required />
              <FieldError errors={planned.errors} field="fromDay" id="planned-from" />
            </div>
            <div class="field">
              <label for="planned-to">{w.toDay}</label>
              <input {...fieldProps(planned, "toDay", "planned-to")} type="date" required />
              <FieldError errors={planned.errors} field="toDay" id="planned-to" />
            </div>
            <ScopeFields idPrefix="planned" labels={w} values={planned.values} errors={planned.errors} />
            <div class="field actions">
              <button type="submit">{w.addPlanned}</button>
            </div>
          </form>
        ) : null}
      </section>
    </Layout>
  );
}
