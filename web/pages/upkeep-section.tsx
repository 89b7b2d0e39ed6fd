/**
 * The Tuning page's upkeep section: this month's cost of ownership per pipeline, the month's
 * upkeep entries and, for admins, the form that adds one (POST /tuning/upkeep). A refused form
 * comes back with what was typed and each error beside its field.
 */
import { fill } from "../../src/format/fill";
import { formatDay, formatNumber } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import type { OwnershipRow } from "../../src/store/read/cost-of-ownership";
import type { StoredUpkeepEntry } from "../../src/store/upkeep";
import { CsrfField, isAdmin, useViewer } from "../auth/viewer";
import { pick, type Translate } from "../i18n";
import { ErrorSummary, FieldError, type FieldErrors, invalidProps } from "./form-errors";
import { TUNING_WORDS } from "./tuning-words";

/** The upkeep form sent back refused (values as typed), or a refused removal (errors only). */
export interface UpkeepFormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

/** Field, input id and label (a TUNING_WORDS key), in the form's order. */
const UPKEEP_FIELDS = [
  ["day", "u-day", "upkeepDay"],
  ["pipeline", "u-pipeline", "upkeepPipeline"],
  ["resource", "u-resource", "upkeepResource"],
  ["hours", "u-hours", "upkeepHours"],
  ["person", "u-person", "upkeepPerson"],
  ["what", "u-what", "upkeepWhat"],
] as const;

export function UpkeepSection(props: {
  month: string;
  today: string;
  ownership: OwnershipRow[];
  entries: StoredUpkeepEntry[];
  pipelines: string[];
  /** A USD amount of `month` in the page's currency (./page-money.ts). */
  money: (usd: number) => string;
  locale: Locale;
  t: Translate;
  /** A refused add form (values and errors). */
  form?: UpkeepFormState;
  /** A refused removal's errors. */
  removal?: FieldErrors;
}) {
  const { locale } = props;
  const w = pick(TUNING_WORDS, locale);
  const admin = isAdmin(useViewer());
  const money = props.money;
  const v = props.form?.values;
  const e = props.form?.errors ?? {};
  const input = (field: string, id: string) => ({
    id,
    name: field,
    value: v ? (v[field] ?? "") : "",
    ...invalidProps(e, field, id),
  });
  const removal = Object.values(props.removal ?? {});
  return (
    <section id="upkeep" aria-labelledby="upkeep-title">
      <h2 id="upkeep-title">
        {w.upkeepTitle} ({props.month})
      </h2>
      <p class="muted">{w.upkeepIntro}</p>
      <div class="table-scroll">
        <table class="data" id="ownership-table">
          <thead>
            <tr>
              <th scope="col">{w.upkeepPipeline}</th>
              <th scope="col">{w.cloudCost}</th>
              <th scope="col">{w.upkeepHours}</th>
              <th scope="col">{w.upkeepValue}</th>
              <th scope="col">{w.ownership}</th>
            </tr>
          </thead>
          <tbody>
            {props.ownership.map((r) => (
              <tr data-pipeline={r.pipeline}>
                <th scope="row">{r.pipeline || w.untagged}</th>
                <td>{money(r.cloudCostUsd)}</td>
                <td>{formatNumber(r.upkeepHours, locale, 1)}</td>
                <td>{money(r.upkeepValueUsd)}</td>
                <td>
                  <strong>{money(r.totalUsd)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {removal.length > 0 ? (
        <p class="field-error" id="upkeep-remove-error" role="alert">
          {removal.join(" · ")}
        </p>
      ) : null}
      {props.entries.length > 0 ? (
        <ul id="upkeep-entries">
          {props.entries.map((e) => (
            <li data-upkeep-id={e.id}>
              {formatDay(e.day, locale)} · {e.pipeline || e.resource} · {formatNumber(e.hours, locale, 1)} h ·{" "}
              {e.person} · {e.what} · {e.volunteered ? w.upkeepVolunteered.toLowerCase() : w.paid}
              {admin ? (
                <form
                  method="post"
                  action="/tuning/upkeep/delete"
                  class="inline-form"
                  data-confirm={fill(w.confirmRemoveUpkeep, {
                    what: `${formatDay(e.day, locale)} · ${e.pipeline || e.resource} · ${e.person}`,
                  })}
                >
                  <CsrfField />
                  <input type="hidden" name="id" value={String(e.id)} />
                  <button type="submit">{w.upkeepRemove}</button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {admin ? (
        <form method="post" action="/tuning/upkeep" class="filters" id="upkeep-form" novalidate>
          <ErrorSummary
            errors={e}
            fields={UPKEEP_FIELDS.map(([field, id, label]) => ({ field, id, label: w[label] }))}
            t={props.t}
          />
          <CsrfField />
          <div class="field">
            <label for="u-day">{w.upkeepDay}</label>
            <input {...input("day", "u-day")} type="date" value={v ? (v.day ?? "") : props.today} required />
            <FieldError errors={e} field="day" id="u-day" />
          </div>
          <div class="field">
            <label for="u-pipeline">{w.upkeepPipeline}</label>
            <input {...input("pipeline", "u-pipeline")} list="u-pipelines" />
            <datalist id="u-pipelines">
              {props.pipelines.map((p) => (
                <option value={p} />
              ))}
            </datalist>
            <FieldError errors={e} field="pipeline" id="u-pipeline" />
          </div>
          <div class="field">
            <label for="u-resource">{w.upkeepResource}</label>
            <input {...input("resource", "u-resource")} />
            <FieldError errors={e} field="resource" id="u-resource" />
          </div>
          <div class="field">
            <label for="u-hours">{w.upkeepHours}</label>
            <input {...input("hours", "u-hours")} type="number" min="0.25" step="0.25" required />
            <FieldError errors={e} field="hours" id="u-hours" />
          </div>
          <div class="field">
            <label for="u-person">{w.upkeepPerson}</label>
            <input {...input("person", "u-person")} required />
            <FieldError errors={e} field="person" id="u-person" />
          </div>
          <div class="field">
            <label for="u-what">{w.upkeepWhat}</label>
            <input {...input("what", "u-what")} required />
            <FieldError errors={e} field="what" id="u-what" />
          </div>
          <div class="field">
            <label>
              <input
                type="checkbox"
                id="u-volunteered"
                name="volunteered"
                value="yes"
                checked={v ? v.volunteered === "yes" : true}
              />{" "}
              {w.upkeepVolunteered}
            </label>
          </div>
          <div class="field actions">
            <button type="submit">{w.upkeepAdd}</button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
