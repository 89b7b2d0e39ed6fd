/**
 * The overview's cost of ownership: this month, per pipeline, the cloud cost plus the upkeep
 * hours valued (src/store/read/cost-of-ownership.ts), and their total. The Tuning page has the
 * upkeep log behind it.
 */

import type { Converter } from "../../src/analysis/currency";
import { formatMoney, formatNumber } from "../../src/format/numbers";
import type { Day, Locale } from "../../src/model";
import type { OwnershipRow } from "../../src/store/read/cost-of-ownership";
import { pick } from "../i18n";

const WORDS = {
  en: {
    title: "Cost of ownership this month",
    intro: "Each pipeline's cloud cost plus the upkeep its volunteers logged, valued at their hourly value.",
    pipeline: "Pipeline",
    cloud: "Cloud",
    hours: "Upkeep hours",
    upkeep: "Upkeep valued",
    total: "Cost of ownership",
    all: "All pipelines",
    untagged: "(untagged)",
    log: "upkeep log",
  },
  fr: {
    title: "Coût de possession ce mois-ci",
    intro: "Le coût cloud de chaque chaîne plus l'entretien consigné par les bénévoles, valorisé à leur taux horaire.",
    pipeline: "Chaîne",
    cloud: "Cloud",
    hours: "Heures d'entretien",
    upkeep: "Entretien valorisé",
    total: "Coût de possession",
    all: "Toutes les chaînes",
    untagged: "(sans étiquette)",
    log: "journal d'entretien",
  },
};

export function OwnershipSection(props: {
  rows: OwnershipRow[];
  monthStart: Day;
  converter: Converter;
  locale: Locale;
}) {
  const { rows, locale, converter } = props;
  if (rows.length === 0) return null;
  const w = pick(WORDS, locale);
  const money = (usd: number) => formatMoney(converter.fromUsd(usd, props.monthStart), converter.currency, locale);
  const sum = (pick: (r: OwnershipRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const line = (label: string, cloud: number, hours: number, upkeep: number, id?: string) => (
    <tr data-pipeline={id}>
      <th scope="row">{label}</th>
      <td>{money(cloud)}</td>
      <td>{formatNumber(hours, locale, 1)}</td>
      <td>{money(upkeep)}</td>
      <td>
        <strong>{money(cloud + upkeep)}</strong>
      </td>
    </tr>
  );
  return (
    <section id="ownership" aria-labelledby="ownership-title">
      <h2 id="ownership-title">{w.title}</h2>
      <p class="muted">
        {w.intro} <a href="/tuning#upkeep">{w.log}</a>
      </p>
      <div class="table-scroll">
        <table class="data" id="overview-ownership">
          <thead>
            <tr>
              <th scope="col">{w.pipeline}</th>
              <th scope="col">{w.cloud}</th>
              <th scope="col">{w.hours}</th>
              <th scope="col">{w.upkeep}</th>
              <th scope="col">{w.total}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) =>
              line(r.pipeline || w.untagged, r.cloudCostUsd, r.upkeepHours, r.upkeepValueUsd, r.pipeline),
            )}
          </tbody>
          <tfoot>
            {line(
              w.all,
              sum((r) => r.cloudCostUsd),
              sum((r) => r.upkeepHours),
              sum((r) => r.upkeepValueUsd),
            )}
          </tfoot>
        </table>
      </div>
    </section>
  );
}
