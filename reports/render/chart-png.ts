/**
 * Charts as PNG images, drawn on the server with chart.js on @napi-rs/canvas from the same
 * definitions the dashboard draws in the browser. The canvas has no system fonts: the font
 * shipped in ./fonts is registered first (without it chart.js draws no text at all, silently),
 * and the background is filled white (a transparent PNG turns black in some mail clients).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "chart.js";
import { type ChartConfig, withoutEmptySeries } from "../../src/charts/chart-config";
import { lazyPackage } from "../../src/lazy-package";
import { toChartJs } from "./chart-options";

// Loaded when the first chart is drawn (src/lazy-package.ts).
const canvasPackage = lazyPackage<typeof import("@napi-rs/canvas")>("@napi-rs/canvas");
const chartJs = lazyPackage<typeof import("chart.js")>("chart.js");

export const FONT_DIR = join(dirname(fileURLToPath(import.meta.url)), "fonts");
export const FONT_FAMILY = "DejaVu Sans";
export const FONT_FILES = { regular: join(FONT_DIR, "DejaVuSans.ttf"), bold: join(FONT_DIR, "DejaVuSans-Bold.ttf") };

export interface ChartSize {
  width: number;
  height: number;
}

/** Registers the shipped fonts with the canvas (idempotent: the canvas library keeps one registry). */
export function registerChartFonts(): void {
  const { GlobalFonts } = canvasPackage();
  if (GlobalFonts.has(FONT_FAMILY)) return;
  GlobalFonts.registerFromPath(FONT_FILES.regular, FONT_FAMILY);
  GlobalFonts.registerFromPath(FONT_FILES.bold, FONT_FAMILY);
}

const whiteBackground: Plugin = {
  id: "cairnWhiteBackground",
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = "destination-over";
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

let registered = false;
function registerChartJs(): void {
  if (registered) return;
  const { Chart, registerables } = chartJs();
  Chart.register(...registerables);
  registered = true;
}

/** One chart as PNG bytes, `size` in CSS pixels (drawn at twice that for sharp print). */
export function renderChartPng(spec: ChartConfig, size: ChartSize): Uint8Array {
  registerChartFonts();
  registerChartJs();
  const { Chart } = chartJs();
  const canvas = canvasPackage().createCanvas(size.width, size.height);
  const config = toChartJs(withoutEmptySeries(spec), FONT_FAMILY);
  config.plugins = [whiteBackground];
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.color = "#333333";
  // chart.js sizes the canvas itself (size x devicePixelRatio) and writes to `style` if present.
  const drawable = Object.assign(canvas, { style: {} });
  const chart = new Chart(drawable as never, config);
  const png = canvas.toBuffer("image/png");
  chart.destroy();
  return new Uint8Array(png);
}
