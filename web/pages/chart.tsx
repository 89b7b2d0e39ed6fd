/**
 * A chart as the browser gets it: a canvas carrying its chart.js configuration as JSON in a
 * data attribute (escaped like any attribute, so no inline script is needed), and the same
 * figures as a table for screen readers and for anyone who wants the numbers.
 */
import { type ChartConfig, type ChartFormat, withoutEmptySeries } from "../../src/charts/chart-config";

/** A figure of the data table with its unit, as the chart's tooltip shows it. */
function tableValue(v: number | null | undefined, format: ChartFormat): string {
  if (v === null || v === undefined) return "";
  if (format.kind === "money")
    return new Intl.NumberFormat(format.locale, { style: "currency", currency: format.currency ?? "USD" }).format(v);
  const n = (x: number, digits: number) =>
    new Intl.NumberFormat(format.locale, { maximumFractionDigits: digits }).format(x);
  if (format.kind === "co2e") return Math.abs(v) >= 1000 ? `${n(v / 1000, 2)} kg CO2e` : `${n(v, 1)} g CO2e`;
  return n(v, 2);
}

/** A row's label as read: days and months written out in the chart's language, others as they are. */
function tableLabel(label: string, format: ChartFormat): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(label);
  const month = /^\d{4}-\d{2}$/.test(label);
  if (!day && !month) return label;
  const options: Intl.DateTimeFormatOptions = day
    ? { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }
    : { month: "long", year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(format.locale, options).format(new Date(`${day ? label : `${label}-01`}T00:00:00Z`));
}

export function Chart(props: {
  id: string;
  config: ChartConfig;
  label: string;
  tableCaption: string;
  height?: number;
  /** A line under the chart (what it leaves out, a toggle). */
  note?: unknown;
}) {
  // All-zero series are left out of the chart, its legend and its table.
  const config = withoutEmptySeries(props.config);
  return (
    <figure class="chart">
      {/* A heading, so a screen reader's list of headings names every chart. */}
      <figcaption>
        <h2 class="chart-title">{props.label}</h2>
      </figcaption>
      <div class="chart-box" style={undefined}>
        <canvas
          id={props.id}
          data-chart={JSON.stringify(config)}
          role="img"
          aria-label={props.label}
          height={props.height ?? 280}
        />
      </div>
      {props.note ? <p class="chart-note">{props.note}</p> : null}
      <details>
        <summary>{props.tableCaption}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col" />
              {config.data.datasets.map((d) => (
                <th scope="col">{d.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {config.data.labels.map((label, i) => (
              <tr>
                <th scope="row">{tableLabel(label, config.cairn)}</th>
                {config.data.datasets.map((d) => (
                  <td>{tableValue(d.data[i], config.cairn)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
