/** Settings: currency rates per month and planned-activity periods. Forms for admins only. */

import { useContext } from "hono/jsx";
import { type AccountNames, accountLabel } from "../../src/accounts/account-names";
import type { MonthlyRate } from "../../src/analysis/currency";
import { formatDay, formatMonth, formatNumber } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import type { StoredPlannedActivity } from "../../src/store/planned-activities";
import { CsrfField, isAdmin, useViewer } from "../auth/viewer";
import { pick, type Translate } from "../i18n";
import { AccountNamesContext } from "./account-name";
import { Layout } from "./layout";
import { ListTable } from "./list-table";
import { ScopeFields } from "./scope-fields";
import { SETTINGS_WORDS } from "./settings-words";

type Words = (typeof SETTINGS_WORDS)["en"];

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

function DeleteButton(props: { action: string; fields: Record<string, string>; label: string; what: string }) {
  return (
    <form method="post" action={props.action} class="inline-form">
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
  locale: Locale;
  t: Translate;
}) {
  const { locale, t } = props;
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
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </ListTable>
        {admin ? (
          <form method="post" action="/settings/rates" class="filters admin-action" id="rate-form">
            <CsrfField />
            <div class="field">
              <label for="rate-month">{w.month}</label>
              <input id="rate-month" name="month" type="month" required value={props.defaultMonth} />
            </div>
            <div class="field">
              <label for="rate-currency">{w.currency}</label>
              <select id="rate-currency" name="currency">
                <option value="EUR">EUR</option>
              </select>
            </div>
            <div class="field">
              <label for="rate-value">{w.rate}</label>
              <input
                id="rate-value"
                name="ratePerUsd"
                type="number"
                step="any"
                min="0.0001"
                required
                inputmode="decimal"
              />
            </div>
            <div class="field">
              <label>
                <input name="force" type="checkbox" /> {w.forcePast}
              </label>
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
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </ListTable>
        {admin ? (
          <form method="post" action="/settings/planned" class="filters admin-action" id="planned-form">
            <CsrfField />
            <div class="field">
              <label for="planned-name">{w.name}</label>
              <input id="planned-name" name="name" required maxlength={100} />
            </div>
            <div class="field">
              <label for="planned-from">{w.fromDay}</label>
              <input id="planned-from" name="fromDay" type="date" required />
            </div>
            <div class="field">
              <label for="planned-to">{w.toDay}</label>
              <input id="planned-to" name="toDay" type="date" required />
            </div>
            <ScopeFields idPrefix="planned" labels={w} />
            <div class="field actions">
              <button type="submit">{w.addPlanned}</button>
            </div>
          </form>
        ) : null}
      </section>
    </Layout>
  );
}
