/**
 * Chart colours readable by everyone: each at least 3:1 against white (WCAG 2.2 non-text
 * contrast, computed from relative luminance by hand here), and the first six, the ones a
 * chart usually shows together, still apart for readers with deuteranopia or protanopia
 * (Machado et al. 2009 full-severity matrices, distance in CIE Lab).
 */
import { describe, expect, it } from "vitest";
import { PALETTE } from "../../src/charts/chart-config";

const channel = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const linear = (hex: string) =>
  [1, 3, 5].map((i) => channel(Number.parseInt(hex.slice(i, i + 2), 16))) as [number, number, number];
const luminance = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const contrastOnWhite = (hex: string) => 1.05 / (luminance(linear(hex)) + 0.05);

const MACHADO = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
};

function lab([r, g, b]: number[]): [number, number, number] {
  const x = (0.4124 * (r ?? 0) + 0.3576 * (g ?? 0) + 0.1805 * (b ?? 0)) / 0.95047;
  const y = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  const z = (0.0193 * (r ?? 0) + 0.1192 * (g ?? 0) + 0.9505 * (b ?? 0)) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seenAs(hex: string, m: number[][]): [number, number, number] {
  const c = linear(hex);
  const s = m.map(([a = 0, b = 0, d = 0]) => Math.min(1, Math.max(0, a * c[0] + b * c[1] + d * c[2])));
  return lab(s);
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - (b[i] ?? 0)));

describe("chart palette", () => {
  it.each(PALETTE)("%s reaches 3:1 on white", (hex) => {
    expect(contrastOnWhite(hex)).toBeGreaterThanOrEqual(3);
  });

  it("rejects the colours the issue measured under 3:1 (the check itself)", () => {
    for (const hex of ["#F0E442", "#E69F00", "#56B4E9", "#999999", "#F2B701"])
      expect(contrastOnWhite(hex)).toBeLessThan(3);
  });

  it.each(Object.entries(MACHADO))("the first six stay apart with %s", (_, matrix) => {
    const six = PALETTE.slice(0, 6).map((h) => seenAs(h, matrix));
    let closest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < six.length; i++)
      for (let j = i + 1; j < six.length; j++) closest = Math.min(closest, distance(six[i] ?? [], six[j] ?? []));
    expect(closest).toBeGreaterThan(10);
  });
});
