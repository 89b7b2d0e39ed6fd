/**
 * The Tuning page's upkeep section: this month's cost of ownership per pipeline, the month's
 * upkeep entries and, for admins, the form that adds one (POST /tuning/upkeep).
 */
import { formatDay, formatNumber } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import type { OwnershipRow } from "../../src/store/read/cost-of-ownership";
import type { StoredUpkeepEntry } from "../../src/store/upkeep";
import { CsrfField, isAdmin, useViewer } from "../auth/viewer";
import { pick } from "../i18n";
import { TUNING_WORDS } from "./tuning-words";

export function UpkeepSection(props: {
  month: string;
  today: string;
  ownership: OwnershipRow[];
  entries: StoredUpkeepEntry[];
  pipelines: string[];
  /** A USD amount of `month` in the page's currency (./page-money.ts). */
  money: (usd: number) => string;
  locale: Locale;
}) {
  const { locale } = props;
  const w = pick(TUNING_WORDS, locale);
  const admin = isAdmin(useViewer());
  const money = props.money;
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
      {props.entries.length > 0 ? (
        <ul id="upkeep-entries">
          {props.entries.map((e) => (
            <li data-upkeep-id={e.id}>
              {formatDay(e.day, locale)} · {e.pipeline || e.resource} · {formatNumber(e.hours, locale, 1)} h ·{" "}
              {e.person} · {e.what} · {e.volunteered ? w.upkeepVolunteered.toLowerCase() : w.paid}
              {admin ? (
                <form method="post" action="/tuning/upkeep/delete" class="inline-form">
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
        <form method="post" action="/tuning/upkeep" class="filters" id="upkeep-form">
          <CsrfField />
          <div class="field">
            <label for="u-day">{w.upkeepDay}</label>
            <input id="u-day" name="day" type="date" value={props.today} required />
          </div>
          <div class="field">
            <label for="u-pipeline">{w.upkeepPipeline}</label>
            <input id="u-pipeline" name="pipeline" list="u-pipelines" />
            <datalist id="u-pipelines">
              {props.pipelines.map((p) => (
                <option value={p} />
              ))}
            </datalist>
          </div>
          <div class="field">
            <label for="u-resource">{w.upkeepResource}</label>
            <input id="u-resource" name="resource" />
          </div>
          <div class="field">
            <label for="u-hours">{w.upkeepHours}</label>
            <input id="u-hours" name="hours" type="number" min="0.25" step="0.25" required />
          </div>
          <div class="field">
            <label for="u-person">{w.upkeepPerson}</label>
            <input id="u-person" name="person" required />
          </div>
          <div class="field">
            <label for="u-what">{w.upkeepWhat}</label>
            <input id="u-what" name="what" required />
          </div>
          <div class="field">
            <label>
              <input type="checkbox" name="volunteered" value="yes" checked /> {w.upkeepVolunteered}
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
