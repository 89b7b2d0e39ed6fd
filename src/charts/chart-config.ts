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

/** A colour-blind-friendly palette (Okabe-Ito, then softer tones), stable by index. */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#999999",
  "#7F3C8D",
  "#11A579",
  "#3969AC",
  "#F2B701",
];

export function colourAt(index: number): string {
  return PALETTE[index % PALETTE.length] ?? "#999999";
}
