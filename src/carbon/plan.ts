/**
 * Turns a classified usage line (rule + region + unit) into a plan: per-unit IT energy by
 * component, embodied grams per unit, and the region's factors, computed once per distinct
 * (service, usage type, unit, region) so the per-line work is a few multiplications.
 */
import type { EstimateMethod, UsageClass } from "../model";
import {
  burstableBaseline,
  CCF_GB_PER_CHIP,
  CCF_GB_PER_CHIP_AVERAGE,
  CCF_PROCESSOR_OVERRIDES,
  ccfMemoryGbPerHour,
} from "./ccf-instances";
import type { Rule } from "./classify";
import {
  FAMILY_GPUS,
  FAMILY_PROCESSORS,
  GPU_W,
  type Processor,
  UNTABLED_GPU_FAMILIES,
  type WattRange,
} from "./coefficients";
import { BOAVIZTA_INSTANCES } from "./data/boavizta-instances";
import { type FactorSet, type RegionFactors, regionFactors } from "./factor-sets";
import { type InstanceName, parseInstanceType, vcpusOfSize } from "./instance-size";
import { STORAGE_CLASSES } from "./storage-classes";
import { type UnitKind, unitKind } from "./units";

export interface Plan {
  mode: "linear" | "cost-ratio" | "excluded";
  usageClass: UsageClass;
  /** Method at the default utilisation; measured utilisation turns it into measured-utilisation. */
  method: EstimateMethod;
  /** Reason without the utilisation part. */
  reason: string;
  /** Reason at the default utilisation (filled in once per plan by the estimator). */
  defaultReason: string;
  fallback: string | null;
  region: string;
  factors: RegionFactors;
  /** cpu IT kWh per unit = cpuA x (cpuMin + u x cpuDelta); the same shape for the GPU. */
  cpuA: number;
  cpuMin: number;
  cpuDelta: number;
  gpuA: number;
  gpuMin: number;
  gpuDelta: number;
  memoryKwhPerUnit: number;
  storageKwhPerUnit: number;
  /** Storage at the low and high ends of its redundancy (and medium) range. */
  storageLowKwhPerUnit: number;
  storageHighKwhPerUnit: number;
  networkKwhPerUnit: number;
  /** Utilisation bounds when nothing is measured (the low and high estimates). */
  utilLow: number;
  utilHigh: number;
  /** Multipliers on the network energy for the low and high estimates. */
  networkLow: number;
  networkHigh: number;
  embodiedGPerUnit: number;
  /** GB-month amounts become TB-hours with the number of days of the line's month. */
  perMonthHours: boolean;
  /** Key for a measured utilisation; null when the estimate does not depend on one. */
  utilKey: string | null;
}

function emptyPlan(region: string, factors: RegionFactors, set?: FactorSet): Plan {
  return {
    mode: "linear",
    usageClass: "excluded",
    method: "coefficient",
    reason: "",
    defaultReason: "",
    fallback: factors.fallback,
    region,
    factors,
    cpuA: 0,
    cpuMin: 0,
    cpuDelta: 0,
    gpuA: 0,
    gpuMin: 0,
    gpuDelta: 0,
    memoryKwhPerUnit: 0,
    storageKwhPerUnit: 0,
    storageLowKwhPerUnit: 0,
    storageHighKwhPerUnit: 0,
    networkKwhPerUnit: 0,
    utilLow: 0,
    utilHigh: 0,
    networkLow: 1,
    networkHigh: 1,
    embodiedGPerUnit: 0,
    perMonthHours: false,
    utilKey: null,
    ...(set
      ? {
          utilLow: set.uncertainty.defaultUtilisation[0],
          utilHigh: set.uncertainty.defaultUtilisation[1],
          networkLow: set.uncertainty.network[0],
          networkHigh: set.uncertainty.network[1],
        }
      : {}),
  };
}

function addFallback(plan: Plan, text: string): void {
  plan.fallback = plan.fallback ? `${plan.fallback}; ${text}` : text;
}

export function excludedPlan(set: FactorSet, region: string, reason: string): Plan {
  const p = emptyPlan(region, regionFactors(set, region));
  return { ...p, mode: "excluded", usageClass: "excluded", method: "excluded", reason, fallback: null };
}

/** Average watt range over a family's processors, or the unknown-processor average, named. */
function processorRange(
  set: FactorSet,
  family: string | null,
  arm: boolean,
  name: InstanceName | null = null,
): { range: WattRange; note: string; fallback: string | null; procs: readonly Processor[] | null } {
  const procs = processorsOf(set, family, arm, name);
  const ranges = procs?.map((p) => set.processorWPerVcpu[p]);
  if (procs && ranges?.every((r) => r !== undefined)) {
    const min = ranges.reduce((s, r) => s + (r as WattRange)[0], 0) / ranges.length;
    const max = ranges.reduce((s, r) => s + (r as WattRange)[1], 0) / ranges.length;
    return {
      range: [min, max],
      note: `${procs.join("/")} ${min.toFixed(2)}-${max.toFixed(2)} W per vCPU`,
      fallback: null,
      procs,
    };
  }
  const [min, max] = set.unknownProcessorWPerVcpu;
  const note = `unknown-processor average ${min}-${max} W per vCPU`;
  return {
    range: [min, max],
    note,
    fallback: family ? `processor of ${family} not in ${set.name}: ${note}` : null,
    procs: null,
  };
}

/** A family's processors; with CCF's rules, its per-instance choice where it differs. */
function processorsOf(
  set: FactorSet,
  family: string | null,
  arm: boolean,
  name: InstanceName | null,
): readonly Processor[] | undefined {
  if (arm && family === null) return ["epyc-2"];
  if (!family) return undefined;
  if (set.ccfInstanceRules && name) {
    const o = CCF_PROCESSOR_OVERRIDES[name.base] ?? CCF_PROCESSOR_OVERRIDES[family];
    if (o === "unknown") return undefined;
    if (o) return o;
  }
  return FAMILY_PROCESSORS[family];
}

/** CCF's memory GB per chip for a set of processors (their average), else its average. */
function gbPerChip(procs: readonly Processor[] | null): number {
  const values = procs?.map((p) => CCF_GB_PER_CHIP[p]);
  if (!values || values.length === 0 || values.some((v) => v === undefined)) return CCF_GB_PER_CHIP_AVERAGE;
  return (values as number[]).reduce((a, b) => a + b, 0) / values.length;
}

function instancePlan(set: FactorSet, plan: Plan, rule: Extract<Rule, { kind: "instance" }>): void {
  const name = parseInstanceType(rule.instanceType);
  const family = name?.family ?? null;
  const row = BOAVIZTA_INSTANCES[rule.instanceType.toLowerCase()] ?? (name ? BOAVIZTA_INSTANCES[name.base] : undefined);
  const cpu = processorRange(set, family, false, name);
  const [min, max] = cpu.range;
  const notes: string[] = [];
  plan.cpuMin = min;
  plan.cpuDelta = max - min;
  plan.utilKey = rule.instanceType;
  if (set.useInstanceTable && row) {
    // The table gives kWh at default load; the CPU curve rescales it for a measured load.
    plan.cpuA = (row[0] * rule.copies) / (min + set.defaultUtilisation * (max - min));
    plan.method = "instance-table";
    notes.push(`BoaviztAPI ${row[0].toPrecision(3)} kWh per hour (server share, reported as CPU)`);
  } else {
    let vcpus = row?.[2] || (name ? vcpusOfSize(name.family, name.size) : null);
    if (!vcpus) {
      vcpus = 2;
      addFallback(plan, `vCPUs of ${rule.instanceType} unknown: 2 assumed`);
    }
    if (set.useInstanceTable)
      addFallback(plan, `${rule.instanceType} not in BoaviztAPI's table: ${vcpus} vCPUs x ${cpu.note}`);
    else if (cpu.fallback) addFallback(plan, cpu.fallback);
    const baseline = set.ccfInstanceRules && name ? burstableBaseline(name.family, name.size) : null;
    // CCF counts a burstable instance's vCPUs at its baseline share of the 50% average.
    const countedVcpus = baseline !== null ? (vcpus * baseline) / set.defaultUtilisation : vcpus;
    plan.cpuA = (countedVcpus * rule.copies) / 1000;
    plan.method = "default-utilisation";
    notes.push(
      baseline !== null
        ? `${vcpus} vCPUs at a ${baseline * 100}% baseline (CCF's burstable rule) x ${cpu.note}`
        : `${vcpus} vCPUs x ${cpu.note}`,
    );
    // CCF's memory term: memory beyond what the per-vCPU watts include (none for burstables).
    const memoryGb =
      baseline === null && family ? ccfMemoryGbPerHour(family, vcpus, gbPerChip(cpu.procs), name?.size) : null;
    if (memoryGb) {
      plan.memoryKwhPerUnit = memoryGb * rule.copies * set.memoryKwhPerGbHour;
      notes.push(
        `${memoryGb.toPrecision(4)} GB of memory beyond the processor's at ${set.memoryKwhPerGbHour} kWh per GB-hour`,
      );
    }
  }
  plan.embodiedGPerUnit = row ? row[1] * rule.copies : plan.cpuA * 1000 * set.embodiedGPerVcpuHour;
  const gpu = family ? FAMILY_GPUS[family] : undefined;
  if (gpu && name) {
    const count = gpu.countBySize[name.size] ?? 1;
    const [idle, gmax] = GPU_W[gpu.model];
    plan.gpuA = (count * rule.copies) / 1000;
    plan.gpuMin = idle;
    plan.gpuDelta = gmax - idle;
    plan.usageClass = "gpu";
    notes.push(`plus ${count} ${gpu.model.toUpperCase()} GPU at ${idle}-${gmax} W`);
  } else {
    plan.usageClass = "compute";
    if (family && UNTABLED_GPU_FAMILIES.has(family))
      addFallback(plan, `GPU power of ${family} not in the GPU table: GPU not counted`);
  }
  plan.reason = `${rule.what}: ${notes.join(", ")}`;
}

function storagePlan(
  set: FactorSet,
  plan: Plan,
  rule: Extract<Rule, { kind: "storage" }>,
  scale: number,
  gbMonth: boolean,
): void {
  const c = STORAGE_CLASSES[rule.storageClass];
  const label = rule.what || c.label;
  plan.usageClass = "storage";
  plan.perMonthHours = gbMonth;
  const monthNote = gbMonth ? ", GB-month turned into TB-hours with the days of the month" : "";
  if (set.storageModel === "ccf") {
    const wh = c.ccf.media === "ssd" ? set.ssdWhPerTbHour : set.hddWhPerTbHour;
    plan.storageKwhPerUnit = (scale * wh * c.ccf.copies) / 1000;
    plan.storageLowKwhPerUnit = plan.storageKwhPerUnit;
    plan.storageHighKwhPerUnit = plan.storageKwhPerUnit;
    plan.embodiedGPerUnit = scale * set.storageEmbodiedGPerTbHour[c.ccf.media] * c.ccf.copies;
    plan.reason = `${label} (${c.ccf.copies} copies, CCF): ${c.ccf.media.toUpperCase()} ${wh} Wh per TB-hour x ${c.ccf.copies}${monthNote}`;
    return;
  }
  const { media, copies } = c.tiered;
  const [low, central, high] = copies;
  const wh = media === "ssd" ? set.ssdWhPerTbHour : media === "hdd" ? set.hddWhPerTbHour : set.coldHddWhPerTbHour;
  const [whLow, whHigh] = media === "cold-hdd" ? set.uncertainty.coldHddWhPerTbHour : [wh, wh];
  plan.storageKwhPerUnit = (scale * wh * central) / 1000;
  plan.storageLowKwhPerUnit = (scale * whLow * low) / 1000;
  plan.storageHighKwhPerUnit = (scale * whHigh * high) / 1000;
  plan.embodiedGPerUnit = scale * set.storageEmbodiedGPerTbHour[media] * central;
  plan.reason = `${label}: ${media.toUpperCase()} ${wh} Wh per TB-hour x ${central} bytes kept per byte (${low} to ${high})${monthNote}; disk embodied ${(set.storageEmbodiedGPerTbHour[media] * central).toPrecision(3)} g per TB-hour`;
}

/** Which unit kinds a rule accepts, and the factor turning one unit into the rule's base unit. */
function unitScale(rule: Rule, kind: UnitKind): number | null {
  switch (rule.kind) {
    case "instance":
      return kind === "hours" ? 1 : kind === "seconds" ? 1 / 3600 : null;
    case "vcpu-memory":
      if (rule.unit === "gb-seconds") return kind === "gb-seconds" || kind === "seconds" ? 1 : null;
      // Fargate memory comes as GB-Hours; vCPU rows as vCPU-Hours or Hrs.
      if (kind === "hours" || (kind === "gb-hours" && rule.vcpusPerUnit === 0)) return 1;
      return null;
    case "storage":
      // Base unit: TB-hours; GB-month is handled per line (days of the month).
      return kind === "gb-month" ? 1 / 1000 : kind === "gb-hours" ? 1 / 1000 : kind === "byte-hours" ? 1e-12 : null;
    case "network":
      return kind === "gb" ? 1 : kind === "bytes" ? 1e-9 : null;
    default:
      return 1;
  }
}

export function buildPlan(
  set: FactorSet,
  rule: Rule,
  region: string,
  usageUnit: string,
  regionNote: string | null,
): Plan {
  if (rule.kind === "excluded") return excludedPlan(set, region, rule.reason);
  const factors = regionFactors(set, region);
  const plan = emptyPlan(region, factors, set);
  const where = `PUE ${factors.pue}, ${factors.gridGPerKwh} g/kWh in ${region}${regionNote ? ` (${regionNote})` : ""}`;
  if (rule.kind === "cost-ratio") {
    return {
      ...plan,
      mode: "cost-ratio",
      usageClass: "cost-ratio",
      method: "cost-ratio",
      reason: `${rule.what}: no physical coefficient; ${where}`,
    };
  }
  const kind = unitKind(usageUnit);
  if (rule.kind !== "covered") {
    if (kind === null) return excludedPlan(set, region, `unknown unit ${JSON.stringify(usageUnit)} for ${rule.what}`);
    if (unitScale(rule, kind) === null) return excludedPlan(set, region, `unit ${usageUnit} does not fit ${rule.what}`);
  }
  const scale = kind === null ? 1 : (unitScale(rule, kind) ?? 1);
  switch (rule.kind) {
    case "instance":
      instancePlan(set, plan, rule);
      if (scale !== 1) {
        // Seconds of an instance: everything per hour scales down.
        plan.cpuA *= scale;
        plan.gpuA *= scale;
        plan.memoryKwhPerUnit *= scale;
        plan.embodiedGPerUnit *= scale;
      }
      break;
    case "vcpu-memory": {
      const cpu = processorRange(set, null, rule.arm);
      plan.usageClass = rule.usageClass;
      plan.cpuA = rule.vcpusPerUnit / 1000;
      plan.cpuMin = cpu.range[0];
      plan.cpuDelta = cpu.range[1] - cpu.range[0];
      plan.memoryKwhPerUnit = rule.memoryGbPerUnit * set.memoryKwhPerGbHour;
      plan.embodiedGPerUnit = rule.vcpusPerUnit * set.embodiedGPerVcpuHour;
      plan.method = rule.vcpusPerUnit > 0 ? "default-utilisation" : "coefficient";
      plan.utilKey = rule.vcpusPerUnit > 0 ? rule.utilKey : null;
      const parts = [
        rule.vcpusPerUnit > 0 ? (rule.arm ? `Graviton (EPYC 2nd gen proxy) ${cpu.note}` : cpu.note) : "",
        rule.memoryGbPerUnit > 0 ? `${set.memoryKwhPerGbHour} kWh per GB-hour of memory` : "",
      ];
      plan.reason = `${rule.what}: ${parts.filter((p) => p).join(", ")}`;
      break;
    }
    case "storage":
      storagePlan(set, plan, rule, scale, kind === "gb-month");
      break;
    case "network":
      plan.usageClass = "network";
      plan.networkKwhPerUnit = rule.counted ? scale * set.networkKwhPerGb : 0;
      plan.reason = rule.counted ? `${rule.what}: ${set.networkKwhPerGb} kWh per GB` : rule.what;
      break;
    case "covered":
      plan.usageClass = rule.usageClass;
      plan.reason = rule.what;
      break;
  }
  plan.reason = `${plan.reason}; ${where}; ${factors.marketBasis}`;
  return plan;
}
