/**
 * The ranges behind every footprint's low and high figures. Each input that is not known exactly
 * moves between two bounds; the low estimate takes every input at its low bound, the high one at
 * its high bound, so low <= central <= high always holds. Redundancy ranges live with the storage
 * classes (storage-classes.ts).
 */
export interface Uncertainty {
  /** CPU utilisation bounds when nothing is measured (the central value is the set's default). */
  defaultUtilisation: readonly [number, number];
  /** Plus or minus this around a measured utilisation (a daily average hides its spread). */
  measuredUtilisationSpread: number;
  /** Multipliers on the energy per GB transferred. */
  network: readonly [number, number];
  /** Grid intensity moves by this share from one year to the next (plus or minus). */
  gridSpread: number;
  /** Multipliers on the cost-ratio proxy (energy per dollar of other services). */
  costRatio: readonly [number, number];
  /** Archive-drive watts per TB (cold HDD), low and high. */
  coldHddWhPerTbHour: readonly [number, number];
}

/**
 * Cairn's ranges. Utilisation: 25% to 75% when unmeasured (CCF's 50% is an average across
 * fleets; a given workload sits anywhere around it). Network: half to twice 0.001 kWh/GB
 * (published figures for the transfer network range over more than a factor of ten; CCF takes
 * the low end). Grid: Ember's yearly figures for a country move by up to about 10% from one year
 * to the next. Cost-ratio proxy: half to twice (it borrows another service's energy per dollar).
 */
export const CAIRN_UNCERTAINTY: Uncertainty = {
  defaultUtilisation: [0.25, 0.75],
  measuredUtilisationSpread: 0.05,
  network: [0.5, 2],
  gridSpread: 0.1,
  costRatio: [0.5, 2],
  coldHddWhPerTbHour: [0.1, 0.65],
};

/** The ccf-2022 set gets the same ranges: its central figures are CCF's. */
export const CCF_UNCERTAINTY: Uncertainty = CAIRN_UNCERTAINTY;
