/**
 * Which instance type an EC2 instance is. CloudWatch's per-instance CPU metric carries only the
 * InstanceId, and reading DescribeInstances would need another IAM permission, so the type is
 * inferred from the cost lines of the same region and window (pure): when the region ran one
 * type only, every instance is of that type; otherwise instances, largest hours first, take the
 * type whose billed hours they fit best (running hours = hours with a CPU datapoint). An
 * instance no type fits keeps no type: it is still advised on, but never feeds the estimate.
 */
import { resolveRegion, splitUsageType } from "../../src/carbon/regions";

const INSTANCE_HOURS = /^(?:BoxUsage|SpotUsage|DedicatedUsage|HostBoxUsage|SchedUsage):(.+)$/;

export interface BilledLine {
  service: string;
  region: string;
  usageType: string;
  usageAmount: number;
}

/** Billed instance hours per region and type (EC2 instance usage types only). */
export function billedInstanceHours(lines: readonly BilledLine[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const line of lines) {
    if (!/elastic compute cloud|^ec2$|amazonec2/i.test(line.service)) continue;
    const parts = splitUsageType(line.usageType);
    const m = INSTANCE_HOURS.exec(parts.bare);
    if (!m) continue;
    const region = resolveRegion(line.region, parts).region;
    const types = out.get(region) ?? new Map<string, number>();
    types.set(m[1] as string, (types.get(m[1] as string) ?? 0) + line.usageAmount);
    out.set(region, types);
  }
  return out;
}

export interface RunningInstance {
  region: string;
  instanceId: string;
  hours: number;
}

/** instanceId -> type, for the instances a type could be given to. */
export function inferInstanceTypes(
  instances: readonly RunningInstance[],
  billed: Map<string, Map<string, number>>,
): Map<string, string> {
  const out = new Map<string, string>();
  const sorted = [...instances].sort((a, b) => b.hours - a.hours || a.instanceId.localeCompare(b.instanceId));
  const remaining = new Map([...billed].map(([region, types]) => [region, new Map(types)]));
  for (const inst of sorted) {
    const types = remaining.get(inst.region);
    if (!types || types.size === 0) continue;
    if (types.size === 1) {
      out.set(inst.instanceId, [...types.keys()][0] as string);
      continue;
    }
    // A 10% margin: billed hours are rounded and a datapoint may miss an hour.
    let best: string | null = null;
    let bestGap = Number.POSITIVE_INFINITY;
    for (const [type, hours] of types) {
      const gap = hours - inst.hours;
      if (gap >= -0.1 * inst.hours && Math.abs(gap) < bestGap) {
        best = type;
        bestGap = Math.abs(gap);
      }
    }
    if (best) {
      out.set(inst.instanceId, best);
      types.set(best, (types.get(best) ?? 0) - inst.hours);
    }
  }
  return out;
}
