/**
 * Cloud Carbon Footprint's published coefficients (2020 to 2022, plus the 2026 SPECpower fits of
 * its coefficients repository), and which processor and GPU each EC2 family runs on. Units are
 * in the names: watts per vCPU, watts per GPU, kWh per GB-hour, Wh per TB-hour.
 */

/** [min, max] watts per vCPU, or per GPU. */
export type WattRange = readonly [number, number];

export type Processor =
  | "cascade-lake"
  | "skylake"
  | "broadwell"
  | "haswell"
  | "epyc-1"
  | "epyc-2"
  | "ice-lake"
  | "sapphire-rapids"
  | "epyc-3"
  | "epyc-4";

/** CCF's AWS processor table; Graviton2 uses the EPYC 2nd generation values as a proxy. */
export const CCF_PROCESSOR_W_PER_VCPU: Readonly<Partial<Record<Processor, WattRange>>> = {
  "cascade-lake": [0.64, 3.97],
  skylake: [0.65, 4.26],
  broadwell: [0.71, 3.69],
  haswell: [1.0, 4.74],
  "epyc-1": [0.82, 2.55],
  "epyc-2": [0.47, 1.69],
};

/** Newer SPECpower fits (CCF coefficients repository, 2026), not yet in CCF's AWS code. */
export const SPECPOWER_2026_W_PER_VCPU: Readonly<Partial<Record<Processor, WattRange>>> = {
  "ice-lake": [0.767, 3.758],
  "sapphire-rapids": [1.036, 4.16],
  "epyc-3": [0.456, 1.957],
  "epyc-4": [0.739, 2.282],
};

/** CCF's average over the AWS processor table, for an unknown processor. */
export const CCF_UNKNOWN_PROCESSOR_W_PER_VCPU: WattRange = [0.74, 3.5];

/**
 * The processors of an EC2 family (the coefficient is the average over them). Families missing
 * here take the unknown-processor average, and say so.
 */
export const FAMILY_PROCESSORS: Readonly<Record<string, readonly Processor[]>> = {
  t2: ["haswell", "broadwell"],
  m4: ["haswell", "broadwell"],
  c4: ["haswell"],
  r4: ["broadwell"],
  x1: ["haswell"],
  p2: ["broadwell"],
  p3: ["broadwell"],
  p3dn: ["skylake"],
  g3: ["broadwell"],
  g3s: ["broadwell"],
  t3: ["skylake", "cascade-lake"],
  m5: ["skylake", "cascade-lake"],
  m5d: ["skylake", "cascade-lake"],
  m5n: ["cascade-lake"],
  m5dn: ["cascade-lake"],
  m5zn: ["cascade-lake"],
  c5: ["skylake", "cascade-lake"],
  c5d: ["skylake", "cascade-lake"],
  c5n: ["skylake"],
  r5: ["skylake", "cascade-lake"],
  r5d: ["skylake", "cascade-lake"],
  r5n: ["cascade-lake"],
  r5dn: ["cascade-lake"],
  r5b: ["cascade-lake"],
  z1d: ["skylake"],
  i3en: ["skylake"],
  g4dn: ["cascade-lake"],
  p4d: ["cascade-lake"],
  p4de: ["cascade-lake"],
  t3a: ["epyc-1"],
  m5a: ["epyc-1"],
  m5ad: ["epyc-1"],
  r5a: ["epyc-1"],
  r5ad: ["epyc-1"],
  c5a: ["epyc-2"],
  c5ad: ["epyc-2"],
  g4ad: ["epyc-2"],
  g5: ["epyc-2"],
  // Graviton2: EPYC 2nd generation as proxy (CCF's choice).
  a1: ["epyc-2"],
  t4g: ["epyc-2"],
  m6g: ["epyc-2"],
  m6gd: ["epyc-2"],
  c6g: ["epyc-2"],
  c6gd: ["epyc-2"],
  c6gn: ["epyc-2"],
  r6g: ["epyc-2"],
  r6gd: ["epyc-2"],
  x2gd: ["epyc-2"],
  g5g: ["epyc-2"],
  // 6th/7th generation: only the newer SPECpower fits know these.
  m6i: ["ice-lake"],
  c6i: ["ice-lake"],
  r6i: ["ice-lake"],
  m6id: ["ice-lake"],
  c6id: ["ice-lake"],
  r6id: ["ice-lake"],
  m7i: ["sapphire-rapids"],
  "m7i-flex": ["sapphire-rapids"],
  c7i: ["sapphire-rapids"],
  r7i: ["sapphire-rapids"],
  m6a: ["epyc-3"],
  c6a: ["epyc-3"],
  r6a: ["epyc-3"],
  m7a: ["epyc-4"],
  c7a: ["epyc-4"],
  r7a: ["epyc-4"],
};

export type GpuModel = "t4" | "a10g" | "v100" | "a100" | "k80" | "m60" | "l4";

/** Watts per GPU, idle to max (CCF). L4 (g6) takes the T4 figures as proxy: both ~70 W TDP. */
export const GPU_W: Readonly<Record<GpuModel, WattRange>> = {
  t4: [8, 71],
  a10g: [18, 153],
  v100: [35, 306],
  a100: [46, 407],
  k80: [35, 306],
  m60: [35, 306],
  l4: [8, 71],
};

/** GPU model of a family, and GPU count by size (sizes not listed have one GPU). */
export const FAMILY_GPUS: Readonly<Record<string, { model: GpuModel; countBySize: Readonly<Record<string, number>> }>> =
  {
    g4dn: { model: "t4", countBySize: { "12xlarge": 4, metal: 8 } },
    g5: { model: "a10g", countBySize: { "12xlarge": 4, "24xlarge": 4, "48xlarge": 8 } },
    g6: { model: "l4", countBySize: { "12xlarge": 4, "24xlarge": 4, "48xlarge": 8 } },
    p3: { model: "v100", countBySize: { "8xlarge": 4, "16xlarge": 8 } },
    p3dn: { model: "v100", countBySize: { "24xlarge": 8 } },
    p4d: { model: "a100", countBySize: { "24xlarge": 8 } },
    p4de: { model: "a100", countBySize: { "24xlarge": 8 } },
    p2: { model: "k80", countBySize: { "8xlarge": 8, "16xlarge": 16 } },
    g3: { model: "m60", countBySize: { "8xlarge": 2, "16xlarge": 4 } },
    g3s: { model: "m60", countBySize: {} },
    // T4G: the ARM-host variant of the T4.
    g5g: { model: "t4", countBySize: { "16xlarge": 2, metal: 2 } },
  };

/** GPU families whose GPU power is not in the table (p5 H100, g6e L40S, ...): named as fallback. */
export const UNTABLED_GPU_FAMILIES: ReadonlySet<string> = new Set(["p5", "p5e", "p5en", "g6e", "gr6", "g4ad", "p6"]);

export const CCF_MEMORY_KWH_PER_GB_HOUR = 0.000392;
export const CCF_SSD_WH_PER_TB_HOUR = 1.2;
export const CCF_HDD_WH_PER_TB_HOUR = 0.65;
export const CCF_NETWORK_KWH_PER_GB = 0.001;
export const CCF_PUE_AWS = 1.135;
/** Server lifespan for embodied emissions: 4 years. */
export const LIFESPAN_HOURS = 35_040;

/** One vCPU per 1,769 MB of Lambda memory (AWS Lambda documentation). */
export const LAMBDA_MB_PER_VCPU = 1769;
/** One ACU: about 2 GiB of memory with matching CPU; CCF's rule of 0.25 vCPU per ACU. */
export const ACU_VCPUS = 0.25;
export const ACU_MEMORY_GB = 2;
