/**
 * Turns a classified usage line (rule + region + unit) into a plan: per-unit IT energy by
 * component, embodied grams per unit, and the region's factors, computed once per distinct
 * (service, usage type, unit, region) so the per-line work is a few multiplications.
 */
import type { EstimateMethod, UsageClass } from "../model";
import type { Rule } from "./classify";
import { FAMILY_GPUS, FAMILY_PROCESSORS, GPU_W, UNTABLED_GPU_FAMILIES, type WattRange } from "./coefficients";
import { BOAVIZTA_INSTANCES } from "./data/boavizta-instances";
import { type FactorSet, type RegionFactors, regionFactors } from "./factor-sets";
import { parseInstanceType, vcpusOfSize } from "./instance-size";
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
  networkKwhPerUnit: number;
  embodiedGPerUnit: number;
  /** GB-month amounts become TB-hours with the number of days of the line's month. */
  perMonthHours: boolean;
  /** Key for a measured utilisation; null when the estimate does not depend on one. */
  utilKey: string | null;
}

function emptyPlan(region: string, factors: RegionFactors): Plan {
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
    networkKwhPerUnit: 0,
    embodiedGPerUnit: 0,
    perMonthHours: false,
    utilKey: null,
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
): { range: WattRange; note: string; fallback: string | null } {
  const procs = arm && family === null ? (["epyc-2"] as const) : family ? FAMILY_PROCESSORS[family] : undefined;
  const ranges = procs?.map((p) => set.processorWPerVcpu[p]);
  if (procs && ranges?.every((r) => r !== undefined)) {
    const min = ranges.reduce((s, r) => s + (r as WattRange)[0], 0) / ranges.length;
    const max = ranges.reduce((s, r) => s + (r as WattRange)[1], 0) / ranges.length;
    return {
      range: [min, max],
      note: `${procs.join("/")} ${min.toFixed(2)}-${max.toFixed(2)} W per vCPU`,
      fallback: null,
    };
  }
  const [min, max] = set.unknownProcessorWPerVcpu;
  const note = `unknown-processor average ${min}-${max} W per vCPU`;
  return { range: [min, max], note, fallback: family ? `processor of ${family} not in ${set.name}: ${note}` : null };
}

function instancePlan(set: FactorSet, plan: Plan, rule: Extract<Rule, { kind: "instance" }>): void {
  const name = parseInstanceType(rule.instanceType);
  const family = name?.family ?? null;
  const row = BOAVIZTA_INSTANCES[rule.instanceType.toLowerCase()] ?? (name ? BOAVIZTA_INSTANCES[name.base] : undefined);
  const cpu = processorRange(set, family, false);
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
    plan.cpuA = (vcpus * rule.copies) / 1000;
    plan.method = "default-utilisation";
    notes.push(`${vcpus} vCPUs x ${cpu.note}`);
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

/** Which unit kinds a rule accepts, and the factor turning one unit into the rule's base unit. */
function unitScale(rule: Rule, kind: UnitKind): number | null {
  switch (rule.kind) {
    case "instance":
      return kind === "hours" ? 1 : null;
    case "vcpu-memory":
      return kind === rule.unit ? 1 : null;
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
  const plan = emptyPlan(region, factors);
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
    case "storage": {
      const wh = rule.media === "ssd" ? set.ssdWhPerTbHour : set.hddWhPerTbHour;
      plan.usageClass = "storage";
      plan.storageKwhPerUnit = (scale * wh * rule.copies) / 1000;
      plan.perMonthHours = kind === "gb-month";
      plan.reason = `${rule.what}: ${rule.media.toUpperCase()} ${wh} Wh per TB-hour x ${rule.copies}${plan.perMonthHours ? ", GB-month turned into TB-hours with the days of the month" : ""}`;
      break;
    }
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
  plan.reason = `${plan.reason}; ${where}`;
  return plan;
}
