/**
 * Factor sets: every number the estimator multiplies by, as data with a name, a version and
 * its sources. `cairn-2026` is the default; `ccf-2022` reproduces Cloud Carbon Footprint's
 * values (npm @cloud-carbon-footprint/aws 0.15.0) so results can be compared with it.
 */
import {
  CCF_HDD_WH_PER_TB_HOUR,
  CCF_MEMORY_KWH_PER_GB_HOUR,
  CCF_NETWORK_KWH_PER_GB,
  CCF_PROCESSOR_W_PER_VCPU,
  CCF_PUE_AWS,
  CCF_SSD_WH_PER_TB_HOUR,
  CCF_UNKNOWN_PROCESSOR_W_PER_VCPU,
  type Processor,
  SPECPOWER_2026_W_PER_VCPU,
  type WattRange,
} from "./coefficients";
import { AWS_EFFICIENCY_2025, AWS_GLOBAL_PUE_2025 } from "./data/aws-pue-2025";
import { BOAVIZTA_MEDIAN_EMBODIED_G_PER_VCPU_HOUR } from "./data/boavizta-instances";
import { EMBER_GRID_G_PER_KWH, EMBER_MEAN_G_PER_KWH } from "./data/ember-grid";
import type { StorageMedia } from "./storage-classes";
import { CAIRN_UNCERTAINTY, CCF_UNCERTAINTY, type Uncertainty } from "./uncertainty";

export interface FactorSource {
  /** Names the source's words in both languages (web/pages/methodology-data-words.ts). */
  key: string;
  what: string;
  source: string;
  licence?: string;
}

/** A value with the name of what stood in when the region had none. */
export interface Fallback {
  value: number;
  name: string;
}

export interface FactorSet {
  name: string;
  version: string;
  description: string;
  sources: readonly FactorSource[];
  pueByRegion: Readonly<Record<string, number>>;
  pueFallback: Fallback;
  gridGPerKwhByRegion: Readonly<Record<string, number>>;
  gridFallback: Fallback;
  /** Regions whose market-based factor is 0; null: the set has no market-based factor of its own. */
  marketZeroRegions: ReadonlySet<string> | null;
  /** What the market-based figure is where it is not 0: said on every footprint, never a silent copy. */
  marketElsewhere: string;
  /**
   * CCF's per-instance rules: its own processor per instance type, its memory term above the
   * per-vCPU watts, burstable instances counted at their baseline CPU.
   */
  ccfInstanceRules: boolean;
  /** `ccf`: CCF's full-copy replication; `tiered`: media and redundancy per storage class. */
  storageModel: "ccf" | "tiered";
  coldHddWhPerTbHour: number;
  /** Embodied gCO2e per TB-hour of each medium (one copy); 0 where the set counts none. */
  storageEmbodiedGPerTbHour: Readonly<Record<StorageMedia, number>>;
  uncertainty: Uncertainty;
  /** Per-vCPU watts by processor; processors missing here take the unknown average. */
  processorWPerVcpu: Readonly<Partial<Record<Processor, WattRange>>>;
  unknownProcessorWPerVcpu: WattRange;
  /** Use BoaviztAPI's per-instance kWh for instance hours (else vCPUs x processor watts). */
  useInstanceTable: boolean;
  memoryKwhPerGbHour: number;
  ssdWhPerTbHour: number;
  hddWhPerTbHour: number;
  networkKwhPerGb: number;
  defaultUtilisation: number;
  /** Embodied gCO2e per vCPU-hour where no instance type is known (serverless). */
  embodiedGPerVcpuHour: number;
  /** IT kWh per USD when a batch has no classified compute to take the ratio from. */
  costRatioFallbackKwhPerUsd: number;
}

/** Archive drives: a 20 TB drive averaging 4 W between idle and standby (see storage-classes.ts). */
const COLD_HDD_WH_PER_TB_HOUR = 0.2;

/**
 * Disk embodied emissions per TB-hour of one copy: BoaviztAPI's default SSD (52 kgCO2e for 1 TB)
 * and HDD (31.1 kgCO2e per drive; 8 TB for online disks, 20 TB for archive drives), over 35,040 h.
 */
const BOAVIZTA_STORAGE_EMBODIED_G_PER_TB_HOUR: Record<StorageMedia, number> = {
  ssd: 52_000 / 35_040,
  hdd: 31_100 / 8 / 35_040,
  "cold-hdd": 31_100 / 20 / 35_040,
};

const COMMON_SOURCES: FactorSource[] = [
  {
    key: "ccfCoefficients",
    what: "CPU, GPU, memory, storage and network coefficients; replication factors",
    source: "Cloud Carbon Footprint methodology and @cloud-carbon-footprint/aws 0.15.0 (2020-2022)",
    licence: "Apache-2.0",
  },
  {
    key: "serverlessShares",
    what: "Lambda vCPU share (1 vCPU per 1,769 MB); Aurora Serverless v2 ACU (about 2 GiB with matching CPU)",
    source: "AWS Lambda and Amazon Aurora documentation",
  },
  {
    key: "diskEmbodied",
    what: "Embodied emissions of disks (storage): BoaviztAPI's default SSD (52 kgCO2e per TB) and HDD (31.1 kgCO2e per drive, taken as 8 TB; archive drives 20 TB) over CCF's 4-year lifespan",
    source: "BoaviztAPI component defaults (Boavizta, boaviztapi data/archetypes)",
  },
  {
    key: "instanceEmbodied",
    what: "Embodied emissions per instance-hour, and their median per vCPU-hour for serverless",
    source: "BoaviztAPI via the Spruce project (DigitalPebble/spruce, instanceTypes.csv, commit a067013)",
  },
];

export const CAIRN_2026: FactorSet = {
  name: "cairn-2026",
  version: "1",
  description:
    "Ember grid intensity, AWS per-region PUE 2025 and market-based 0 in regions AWS matched 100% with renewables, BoaviztAPI per-instance energy plus CCF GPU power, CCF coefficients for the rest.",
  sources: [
    {
      key: "emberGrid",
      what: "Grid carbon intensity per region (location-based, production-based: the intensity of the electricity generated in the country or state, imports and exports not counted); us-east-1 is Virginia (327.17 g/kWh), not the US average",
      source:
        "Ember yearly electricity data, joined to AWS regions by the Spruce project (April 2026), corrected for us-east-1",
      licence: "CC BY 4.0",
    },
    {
      key: "awsPue",
      what: "PUE per region, and regions matched 100% with renewable electricity (market-based factor 0)",
      source: "AWS 2025 sustainability fact sheets, compiled by the Green Software Foundation real-time-cloud project",
    },
    {
      key: "instanceEnergy",
      what: "Use-phase kWh per EC2 instance-hour at default load",
      source: "BoaviztAPI via the Spruce project (DigitalPebble/spruce, instanceTypes.csv, commit a067013)",
    },
    {
      key: "cpuWatts",
      what: "Per-vCPU watts of Ice Lake, Sapphire Rapids, EPYC 3rd and 4th generation",
      source: "CCF coefficients repository, SPECpower fits (2026)",
      licence: "Apache-2.0",
    },
    ...COMMON_SOURCES,
  ],
  pueByRegion: Object.fromEntries(Object.entries(AWS_EFFICIENCY_2025).map(([r, e]) => [r, e.pue])),
  pueFallback: { value: AWS_GLOBAL_PUE_2025, name: `AWS global PUE 2025 (${AWS_GLOBAL_PUE_2025})` },
  gridGPerKwhByRegion: EMBER_GRID_G_PER_KWH,
  gridFallback: { value: EMBER_MEAN_G_PER_KWH, name: `mean of Ember's AWS regions (${EMBER_MEAN_G_PER_KWH} g/kWh)` },
  marketZeroRegions: new Set(
    Object.entries(AWS_EFFICIENCY_2025)
      .filter(([, e]) => e.matched100pctRenewable)
      .map(([r]) => r),
  ),
  marketElsewhere:
    "location-based figure (region not matched 100% with renewables in 2025; no residual-mix figure in Cairn's data)",
  ccfInstanceRules: false,
  storageModel: "tiered",
  coldHddWhPerTbHour: COLD_HDD_WH_PER_TB_HOUR,
  storageEmbodiedGPerTbHour: BOAVIZTA_STORAGE_EMBODIED_G_PER_TB_HOUR,
  uncertainty: CAIRN_UNCERTAINTY,
  processorWPerVcpu: { ...CCF_PROCESSOR_W_PER_VCPU, ...SPECPOWER_2026_W_PER_VCPU },
  unknownProcessorWPerVcpu: CCF_UNKNOWN_PROCESSOR_W_PER_VCPU,
  useInstanceTable: true,
  memoryKwhPerGbHour: CCF_MEMORY_KWH_PER_GB_HOUR,
  ssdWhPerTbHour: CCF_SSD_WH_PER_TB_HOUR,
  hddWhPerTbHour: CCF_HDD_WH_PER_TB_HOUR,
  networkKwhPerGb: CCF_NETWORK_KWH_PER_GB,
  defaultUtilisation: 0.5,
  embodiedGPerVcpuHour: BOAVIZTA_MEDIAN_EMBODIED_G_PER_VCPU_HOUR,
  costRatioFallbackKwhPerUsd: 0.05,
};

/** CCF's grid table (EEA / EPA eGRID2020 / carbonfootprint.com 2021, last updated 2022). */
const CCF_GRID_G_PER_KWH: Record<string, number> = {
  "us-east-1": 379.1,
  "us-east-2": 410.6,
  "us-west-1": 322.2,
  "us-west-2": 322.2,
  "ca-central-1": 120,
  "eu-central-1": 311,
  "eu-west-1": 278.6,
  "eu-west-2": 225,
  "eu-west-3": 51.1,
  "eu-south-1": 213.4,
  "eu-north-1": 8.8,
  "ap-south-1": 708.2,
  "ap-northeast-1": 465.8,
  "ap-northeast-2": 415.6,
  "ap-northeast-3": 465.8,
  "ap-southeast-1": 408,
  "ap-southeast-2": 760,
  "ap-east-1": 710,
  "sa-east-1": 61.7,
  "af-south-1": 900.6,
  "me-south-1": 505.9,
  "cn-north-1": 537.4,
  "cn-northwest-1": 537.4,
};

export const CCF_2022: FactorSet = {
  name: "ccf-2022",
  version: "0.15.0",
  description:
    "Cloud Carbon Footprint's own values: PUE 1.135 everywhere, its grid table, its coefficients, no market-based factor (market = location). For comparison with CCF.",
  sources: [
    {
      key: "ccfGrid",
      what: "Grid carbon intensity per region",
      source: "CCF (EEA, EPA eGRID2020, carbonfootprint.com 2021), last updated 2022",
      licence: "Apache-2.0",
    },
    { key: "ccfPue", what: "PUE 1.135 for every AWS region", source: "CCF", licence: "Apache-2.0" },
    ...COMMON_SOURCES,
  ],
  pueByRegion: {},
  pueFallback: { value: CCF_PUE_AWS, name: `CCF's AWS PUE (${CCF_PUE_AWS})` },
  gridGPerKwhByRegion: CCF_GRID_G_PER_KWH,
  gridFallback: { value: 392.8, name: "CCF's default for other regions (392.8 g/kWh)" },
  marketZeroRegions: null,
  marketElsewhere: "location-based figure (CCF has no market-based factor)",
  ccfInstanceRules: true,
  storageModel: "ccf",
  coldHddWhPerTbHour: CCF_HDD_WH_PER_TB_HOUR,
  storageEmbodiedGPerTbHour: { ssd: 0, hdd: 0, "cold-hdd": 0 },
  uncertainty: CCF_UNCERTAINTY,
  processorWPerVcpu: CCF_PROCESSOR_W_PER_VCPU,
  unknownProcessorWPerVcpu: CCF_UNKNOWN_PROCESSOR_W_PER_VCPU,
  useInstanceTable: false,
  memoryKwhPerGbHour: CCF_MEMORY_KWH_PER_GB_HOUR,
  ssdWhPerTbHour: CCF_SSD_WH_PER_TB_HOUR,
  hddWhPerTbHour: CCF_HDD_WH_PER_TB_HOUR,
  networkKwhPerGb: CCF_NETWORK_KWH_PER_GB,
  defaultUtilisation: 0.5,
  embodiedGPerVcpuHour: BOAVIZTA_MEDIAN_EMBODIED_G_PER_VCPU_HOUR,
  costRatioFallbackKwhPerUsd: 0.05,
};

export const FACTOR_SETS: Readonly<Record<string, FactorSet>> = {
  [CAIRN_2026.name]: CAIRN_2026,
  [CCF_2022.name]: CCF_2022,
};

export const DEFAULT_FACTOR_SET = CAIRN_2026.name;

export class UnknownFactorSetError extends Error {
  constructor(readonly requested: string) {
    super(`unknown factor set "${requested}"; known: ${Object.keys(FACTOR_SETS).join(", ")}`);
    this.name = "UnknownFactorSetError";
  }
}

/** A set by name (`cairn-2026`) or by its label (`cairn-2026@1`). */
export function factorSetByName(name: string): FactorSet {
  const set = FACTOR_SETS[name.split("@")[0] ?? ""];
  if (!set) throw new UnknownFactorSetError(name);
  return set;
}

/** What a footprint records: name and version. */
export function factorSetLabel(set: FactorSet): string {
  return `${set.name}@${set.version}`;
}

export interface RegionFactors {
  pue: number;
  gridGPerKwh: number;
  /** Grid figure at the low and high ends of its year-to-year spread. */
  gridLowGPerKwh: number;
  gridHighGPerKwh: number;
  marketGPerKwh: number;
  /** What the market-based figure is, in words (0: matched with renewables; else what stands in). */
  marketBasis: string;
  /** Names of the fallbacks taken, joined; null when the region had its own figures. */
  fallback: string | null;
}

export function regionFactors(set: FactorSet, region: string): RegionFactors {
  const fallbacks: string[] = [];
  let pue = set.pueByRegion[region];
  if (pue === undefined) {
    pue = set.pueFallback.value;
    // CCF has one PUE for all regions: taking it is the rule, not a fallback.
    if (Object.keys(set.pueByRegion).length > 0) fallbacks.push(`PUE: ${set.pueFallback.name} for ${region}`);
  }
  let grid = set.gridGPerKwhByRegion[region];
  if (grid === undefined) {
    grid = set.gridFallback.value;
    fallbacks.push(`grid: ${set.gridFallback.name} for ${region}`);
  }
  const matched = set.marketZeroRegions?.has(region) === true;
  const spread = set.uncertainty.gridSpread;
  return {
    pue,
    gridGPerKwh: grid,
    gridLowGPerKwh: grid * (1 - spread),
    gridHighGPerKwh: grid * (1 + spread),
    marketGPerKwh: matched ? 0 : grid,
    marketBasis: matched
      ? "market-based 0: AWS matched the region 100% with renewables in 2025"
      : `market-based: ${set.marketElsewhere}`,
    fallback: fallbacks.length ? fallbacks.join("; ") : null,
  };
}
