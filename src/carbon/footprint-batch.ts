/**
 * The footprints of one estimate batch, packed. A plain object per line stores each of its
 * fourteen numbers as a separate heap box (V8 boxes every non-integer field), and allocating and
 * then collecting those boxes capped the estimator near 300,000 lines/s, whatever the
 * arithmetic. Here the numbers of a whole batch sit in one Float64Array, the words (class,
 * method, reason, fallback) are shared by every line of a plan, and each line gets one small
 * view whose getters read them: a `Footprint` to every reader.
 *
 * A view's values are not own properties: spread it or JSON it through `footprintRecord`.
 */
import type { EstimateMethod, Footprint, UsageClass } from "../model";

/** What a footprint says in words; shared by all lines of a plan at the default utilisation. */
export interface FootprintWords {
  usageClass: UsageClass;
  method: EstimateMethod;
  factorSet: string;
  reason: string;
  fallback: string | null;
}

export const SLOT = {
  energyKwh: 0,
  cpuKwh: 1,
  memoryKwh: 2,
  storageKwh: 3,
  networkKwh: 4,
  gpuKwh: 5,
  co2eGrams: 6,
  marketCo2eGrams: 7,
  embodiedCo2eGrams: 8,
  energyKwhLow: 9,
  energyKwhHigh: 10,
  co2eGramsLow: 11,
  co2eGramsHigh: 12,
  /** NaN stands for null (the method does not depend on a utilisation). */
  utilisation: 13,
} as const;
export const SLOTS = 14;

/** One line's footprint: a view on its batch's numbers and its plan's words. */
export class PackedFootprint implements Footprint {
  // Private fields: not keys, so a spread or Object.keys never sees the batch's internals.
  readonly #values: Float64Array;
  readonly #at: number;
  readonly #words: FootprintWords;
  constructor(values: Float64Array, at: number, words: FootprintWords) {
    this.#values = values;
    this.#at = at;
    this.#words = words;
  }
  get usageClass(): UsageClass {
    return this.#words.usageClass;
  }
  get method(): EstimateMethod {
    return this.#words.method;
  }
  get factorSet(): string {
    return this.#words.factorSet;
  }
  get reason(): string {
    return this.#words.reason;
  }
  get fallback(): string | null {
    return this.#words.fallback;
  }
  get energyKwh(): number {
    return this.#values[this.#at] as number;
  }
  get cpuKwh(): number {
    return this.#values[this.#at + 1] as number;
  }
  get memoryKwh(): number {
    return this.#values[this.#at + 2] as number;
  }
  get storageKwh(): number {
    return this.#values[this.#at + 3] as number;
  }
  get networkKwh(): number {
    return this.#values[this.#at + 4] as number;
  }
  get gpuKwh(): number {
    return this.#values[this.#at + 5] as number;
  }
  get co2eGrams(): number {
    return this.#values[this.#at + 6] as number;
  }
  get marketCo2eGrams(): number {
    return this.#values[this.#at + 7] as number;
  }
  get embodiedCo2eGrams(): number {
    return this.#values[this.#at + 8] as number;
  }
  get energyKwhLow(): number {
    return this.#values[this.#at + 9] as number;
  }
  get energyKwhHigh(): number {
    return this.#values[this.#at + 10] as number;
  }
  get co2eGramsLow(): number {
    return this.#values[this.#at + 11] as number;
  }
  get co2eGramsHigh(): number {
    return this.#values[this.#at + 12] as number;
  }
  get utilisation(): number | null {
    const u = this.#values[this.#at + 13] as number;
    return Number.isNaN(u) ? null : u;
  }
  toJSON(): Footprint {
    return footprintRecord(this);
  }
}

/** A footprint as a plain object with every field its own (for spreading, JSON, equality). */
export function footprintRecord(f: Footprint): Footprint {
  return {
    usageClass: f.usageClass,
    method: f.method,
    factorSet: f.factorSet,
    energyKwh: f.energyKwh,
    cpuKwh: f.cpuKwh,
    memoryKwh: f.memoryKwh,
    storageKwh: f.storageKwh,
    networkKwh: f.networkKwh,
    gpuKwh: f.gpuKwh,
    co2eGrams: f.co2eGrams,
    marketCo2eGrams: f.marketCo2eGrams,
    embodiedCo2eGrams: f.embodiedCo2eGrams,
    energyKwhLow: f.energyKwhLow,
    energyKwhHigh: f.energyKwhHigh,
    co2eGramsLow: f.co2eGramsLow,
    co2eGramsHigh: f.co2eGramsHigh,
    reason: f.reason,
    fallback: f.fallback,
    utilisation: f.utilisation,
  };
}
