/**
 * Chart definitions as plain data: a chart.js configuration with no functions in it, so the
 * same object can travel as JSON to the browser or be drawn on a server canvas for emails and
 * PDFs. `cairn` carries what the drawing side needs to format ticks and tooltips.
 */
export interface ChartFormat {
  /** How values are shown: money in a currency, grams of CO2e, or a plain number. */
  kind: "money" | "co2e" | "number";
  locale: string;
  currency?: string;
}

export interface ChartDataset {
  label: string;
  data: (number | null)[];
  type?: "bar" | "line";
  backgroundColor?: string | string[];
  borderColor?: string;
  borderDash?: number[];
  fill?: boolean;
  stack?: string;
  pointRadius?: number;
}

export interface ChartConfig {
  type: "bar" | "line" | "doughnut";
  data: { labels: string[]; datasets: ChartDataset[] };
  options: {
    stacked?: boolean;
    horizontal?: boolean;
    title?: string;
    /** Legend on the side for doughnuts, below otherwise. */
    legend?: boolean;
  };
  cairn: ChartFormat;
}

/**
 * A colour-blind-friendly palette, stable by index: Okabe-Ito's hues, the light ones darkened
 * so every colour reaches 3:1 against the white background (WCAG 2.2 non-text contrast);
 * test/unit/chart-palette.test.ts checks both the contrast and the colours' distance as
 * readers with deuteranopia or protanopia see them.
 */
export const PALETTE = [
  "#0072B2",
  "#B07500",
  "#009E73",
  "#CC79A7",
  "#4B0092",
  "#6E6E6E",
  "#D55E00",
  "#8C7A00",
  "#2E86C1",
  "#AA3377",
  "#3969AC",
  "#008464",
];

export function colourAt(index: number): string {
  return PALETTE[index % PALETTE.length] ?? "#6E6E6E";
}

/**
 * The chart without its all-zero series (a service that cost nothing, a market-based figure
 * nobody supplied): they only add legend entries and empty table columns. A chart whose every
 * series is empty is returned as it is, for the page to say there is nothing to show.
 */
export function withoutEmptySeries(config: ChartConfig): ChartConfig {
  const kept = config.data.datasets.filter((d) => d.data.some((v) => v !== null && v !== 0));
  if (kept.length === 0 || kept.length === config.data.datasets.length) return config;
  return { ...config, data: { ...config.data, datasets: kept } };
}
