/**
 * The server's twin of the browser's `toChartJs` (web/public/static/app.js): turns a chart
 * definition (src/charts/) into a chart.js configuration with formatters, fixed size and no
 * animation. Same axes, stacking, legend and value formats as the dashboard.
 */
import type { ChartConfiguration } from "chart.js";
import type { ChartConfig, ChartFormat } from "../../src/charts/chart-config";

export type ValueFormatter = (value: number) => string;

export function valueFormatter(format: ChartFormat): ValueFormatter {
  if (format.kind === "money") {
    const nf = new Intl.NumberFormat(format.locale, {
      style: "currency",
      currency: format.currency ?? "USD",
      maximumFractionDigits: 0,
    });
    return (v) => nf.format(v);
  }
  if (format.kind === "co2e") {
    const nf = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 });
    return (v) => (Math.abs(v) >= 1000 ? `${nf.format(v / 1000)} kg` : `${nf.format(v)} g`);
  }
  const nf = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 2 });
  return (v) => nf.format(v);
}

/** Day labels (`2026-10-14`) read better as `14` on a printed page. */
function shortLabel(label: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(label) ? String(Number(label.slice(8, 10))) : label;
}

export function toChartJs(spec: ChartConfig, fontFamily: string): ChartConfiguration {
  const fmt = valueFormatter(spec.cairn);
  const opts = spec.options;
  const horizontal = Boolean(opts.horizontal);
  const valueAxis = horizontal ? "x" : "y";
  const categoryAxis = horizontal ? "y" : "x";
  const font = { family: fontFamily, size: 11 };
  const scales =
    spec.type === "doughnut"
      ? {}
      : {
          [valueAxis]: {
            stacked: Boolean(opts.stacked),
            beginAtZero: true,
            ticks: { font, callback: (v: string | number) => fmt(Number(v)) },
          },
          [categoryAxis]: {
            stacked: Boolean(opts.stacked),
            ticks: { font, autoSkip: true, maxRotation: 0 },
          },
        };
  return {
    type: spec.type,
    data: { ...spec.data, labels: spec.data.labels.map(shortLabel) },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      devicePixelRatio: 2,
      indexAxis: horizontal ? "y" : "x",
      scales,
      plugins: {
        legend: {
          display: opts.legend !== false,
          position: spec.type === "doughnut" ? "right" : "bottom",
          labels: { font, boxWidth: 12 },
        },
        title: { display: Boolean(opts.title), text: opts.title ?? "", font: { ...font, size: 13 } },
      },
    },
  } as ChartConfiguration;
}
