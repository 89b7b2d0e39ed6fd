/**
 * The admin's forms on a finding (mark done on a date, snooze until a date, dismiss with a
 * reason, reopen) and the done findings' table with their realised savings. Viewers see states,
 * not forms. A refused form comes back with what was typed and its error beside the field.
 */
import { findingTexts } from "../../src/analysis/advice/fr";
import { formatDay } from "../../src/format/numbers";
import { moneyInSentence } from "../../src/format/sentence-money";
import type { Locale } from "../../src/model";
import type { BoardEntry } from "../../src/store/read/finding-board";
import { CsrfField, isAdmin, useViewer } from "../auth/viewer";
import { pick, type Translate } from "../i18n";
import { NamedAccountsIn } from "./account-name";
import { FieldError, type FieldErrors, invalidProps } from "./form-errors";
import { TUNING_WORDS } from "./tuning-words";

/** A finding's form sent back refused: which finding and action, the values typed, the errors. */
export interface FindingFormState {
  findingId: string;
  action: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

/** The fields a finding's forms show, each with its error beside it. */
export const FINDING_FIELDS = ["doneOn", "until", "reason"];

export function FindingForms(props: {
  findingId: string;
  today: string;
  locale: Locale;
  reopen?: boolean;
  /** The day whose findings the page shows, so the service finds this one. */
  asOf?: string;
  /** Prefix of the fields' ids (the card's id), unique on the page. */
  idPrefix?: string;
  /** The refused form, when it was one of this finding's. */
  form?: FindingFormState;
}) {
  const viewer = useViewer();
  if (!isAdmin(viewer)) return null;
  const w = pick(TUNING_WORDS, props.locale);
  const refused = props.form?.findingId === props.findingId ? props.form : undefined;
  const form = (
    action: string,
    field: { name: string; label: string; type: "date" | "text"; value?: string } | null,
    button: string,
  ) => {
    const mine = refused?.action === action ? refused : undefined;
    const errors = mine?.errors ?? {};
    const id = `${props.idPrefix ?? "finding"}-${field?.name ?? action}`;
    return (
      <form method="post" action="/tuning/findings" class="inline-form finding-form" novalidate>
        <CsrfField />
        <input type="hidden" name="findingId" value={props.findingId} />
        <input type="hidden" name="action" value={action} />
        {props.asOf ? <input type="hidden" name="asOf" value={props.asOf} /> : null}
        {field ? <label for={id}>{field.label}</label> : null}{" "}
        {field ? (
          <input
            id={id}
            type={field.type}
            name={field.name}
            value={mine ? (mine.values[field.name] ?? "") : (field.value ?? "")}
            required
            {...invalidProps(errors, field.name, id)}
          />
        ) : null}{" "}
        <button type="submit" data-action={action}>
          {button}
        </button>
        {field ? <FieldError errors={errors} field={field.name} id={id} /> : null}
      </form>
    );
  };
  if (props.reopen) return form("reopen", null, w.reopen);
  return (
    <div class="finding-actions">
      {form("done", { name: "doneOn", label: w.markDone, type: "date", value: props.today }, w.markDone)}
      {form("snooze", { name: "until", label: w.snoozeUntil, type: "date" }, w.snoozeUntil)}
      {form("dismiss", { name: "reason", label: w.dismissBecause, type: "text" }, w.dismissBecause)}
    </div>
  );
}

/**
 * A refused finding form's errors that have no field on the page (no finding named, an unknown
 * finding or action), and a link to each field in error: shown above the findings.
 */
export function FindingErrors(props: {
  form?: FindingFormState;
  fieldIds: Record<string, string>;
  locale: Locale;
  t: Translate;
}) {
  const errors = Object.entries(props.form?.errors ?? {});
  if (errors.length === 0) return null;
  const w = pick(TUNING_WORDS, props.locale);
  const labels: Record<string, string> = {
    findingId: w.errorFinding,
    action: w.errorAction,
    asOf: w.asOf,
    doneOn: w.markDone,
    until: w.snoozeUntil,
    reason: w.dismissBecause,
  };
  return (
    <div class="notice error" role="alert" id="finding-errors">
      <p>{props.t("formHasErrors")}</p>
      <ul>
        {errors.map(([field, message]) => {
          const id = props.fieldIds[field];
          const label = labels[field] ?? field;
          return (
            <li>
              {id ? <a href={`#${id}`}>{label}</a> : label} — {message}
            </li>
          );
        })}
      </ul>
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
