/**
 * What Cloud Carbon Footprint (@cloud-carbon-footprint/aws 0.15.0, AWSInstanceTypes.ts and
 * core's ComputeProcessorTypes) knows per instance that a family-level processor table misses:
 * its own processor choice where it differs from ours, the memory of each family (for CCF's
 * memory term), the GB per physical chip SPECpower counts inside the per-vCPU watts, and the
 * baseline CPU of burstable instances. Data only, written from CCF's published tables.
 */
import type { Processor } from "./coefficients";

/** CCF's processor for a family (or `family.size`) where it differs from FAMILY_PROCESSORS. */
export const CCF_PROCESSOR_OVERRIDES: Readonly<Record<string, readonly Processor[] | "unknown">> = {
  t2: ["cascade-lake"],
  t3: ["cascade-lake"],
  m5: ["skylake"],
  m5d: ["skylake"],
  c5n: ["cascade-lake", "skylake"],
  z1d: ["cascade-lake"],
  i3en: ["cascade-lake", "skylake"],
  "c5.12xlarge": ["cascade-lake"],
  "c5.24xlarge": ["cascade-lake"],
  "c5d.12xlarge": ["cascade-lake"],
  "c5d.24xlarge": ["cascade-lake"],
};

/**
 * GB of memory per physical chip that SPECpower's per-vCPU watts already include (CCF's
 * gb_chip_avg); a processor missing here takes CCF's average, 80.69.
 */
export const CCF_GB_PER_CHIP: Readonly<Partial<Record<Processor, number>>> = {
  "cascade-lake": 98.12,
  skylake: 81.32,
  broadwell: 69.65,
  haswell: 27.71,
  "epyc-1": 89.6,
  "epyc-2": 129.78,
};
export const CCF_GB_PER_CHIP_AVERAGE = 80.69;

/**
 * [GB of memory per vCPU, vCPUs of the family's last-listed (largest) size, and that size's GB
 * where it is not vCPUs x GB per vCPU] in CCF's table. Each size's memory is vCPUs x GB per vCPU
 * but for the sizes in CCF_SIZE_MEMORY_GB.
 */
export const CCF_FAMILY_MEMORY: Readonly<Record<string, readonly [number, number, number?]>> = {
  a1: [2, 16],
  c4: [1.875, 36, 60],
  c5: [2, 96],
  c5a: [2, 96],
  c5ad: [2, 96],
  c5d: [2, 96],
  c5n: [2.625, 72, 192],
  c6g: [2, 64],
  c6gd: [2, 64],
  c6gn: [2, 64],
  c6i: [2, 96],
  m4: [4, 64],
  m5: [4, 96],
  m5a: [4, 96],
  m5ad: [4, 96],
  m5d: [4, 96],
  m5dn: [4, 96],
  m5n: [4, 96],
  m5zn: [4, 48],
  m6g: [4, 64],
  m6gd: [4, 64],
  m6i: [4, 128],
  r4: [7.625, 64],
  r5: [8, 96],
  r5a: [8, 96],
  r5ad: [8, 96],
  r5b: [8, 96],
  r5d: [8, 96],
  r5dn: [8, 96],
  r5n: [8, 96],
  r6g: [8, 64],
  r6gd: [8, 64],
  r6i: [8, 128],
  z1d: [8, 48],
  i3en: [8, 96],
};

/** Sizes whose memory in CCF's table breaks their family's GB-per-vCPU rule. */
export const CCF_SIZE_MEMORY_GB: Readonly<Record<string, number>> = {
  "c4.8xlarge": 60,
  "c5n.9xlarge": 96,
  "c5n.18xlarge": 192,
  "c5n.metal": 192,
};

/** Families CCF always counts as two chips (m5zn, z1d); others: ceil(largest vCPUs / 96). */
const TWO_CHIP_FAMILIES = new Set(["m5zn", "z1d"]);

/**
 * CCF's memory term: GB-hours of memory per instance-hour beyond what the per-vCPU watts already
 * include. Per chip of the largest size: its memory minus the processor's GB per chip, shared in
 * proportion to the instance's memory. Null when CCF has no memory figure for the family.
 */
export function ccfMemoryGbPerHour(family: string, vcpus: number, gbPerChip: number, size?: string): number | null {
  const spec = CCF_FAMILY_MEMORY[family];
  if (!spec) return null;
  const [gbPerVcpu, largestVcpus, largestGbListed] = spec;
  const chips = TWO_CHIP_FAMILIES.has(family) ? 2 : Math.ceil(largestVcpus / 96);
  const largestGb = largestGbListed ?? gbPerVcpu * largestVcpus;
  const extraPerChip = largestGb / chips - gbPerChip;
  if (extraPerChip <= 0) return 0;
  const instanceGb = (size === undefined ? undefined : CCF_SIZE_MEMORY_GB[`${family}.${size}`]) ?? gbPerVcpu * vcpus;
  return extraPerChip * (instanceGb / largestGb);
}

/** Baseline CPU (share of each vCPU) of burstable instances: CCF counts vCPUs x baseline / 50%. */
export const BURSTABLE_BASELINE: Readonly<Record<string, number>> = {
  nano: 0.05,
  micro: 0.1,
  small: 0.2,
  medium: 0.2,
  large: 0.3,
};
/** t2 is 22.5% and 17% at xlarge and 2xlarge; t3, t3a and t4g 40%. */
export function burstableBaseline(family: string, size: string): number | null {
  if (!["t2", "t3", "t3a", "t4g"].includes(family)) return null;
  const small = BURSTABLE_BASELINE[size];
  if (small !== undefined) return small;
  if (size === "xlarge") return family === "t2" ? 0.225 : 0.4;
  if (size === "2xlarge") return family === "t2" ? 0.17 : 0.4;
  return null;
}
