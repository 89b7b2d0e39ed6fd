/**
 * Read model of the CloudWatch daily aggregates, and the measured-utilisation lookup the carbon
 * engine takes (`UtilisationLookup`: instance type or pseudo type, region, day -> 0..1).
 *
 * Where the lookup's figures come from:
 * - an EC2 instance type: CloudWatch's own InstanceType aggregate when it exists (detailed
 *   monitoring), else the hour-weighted mean of the instances of that type (type read from
 *   the InstanceType dimension or inferred from the cost lines at collection time);
 * - `fargate`: the hour-weighted mean CPU of the ECS services in the region (Cairn reads the
 *   ECS service metric, which for Fargate tasks is the share of the vCPUs reserved);
 * - Lambda and Aurora Serverless publish no CPU utilisation (ACUUtilization is capacity over
 *   the configured maximum, not load), so they keep the default.
 */
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { UtilisationLookup } from "../../carbon/estimate";
import type { Day, MetricDay, Period } from "../../model";
import { metricDays } from "../schema/index";
import type { CairnDb } from "../store";

export interface MetricFilter {
  namespace?: string;
  metricName?: string;
}

export async function readMetricDays(db: CairnDb, period: Period, filter: MetricFilter = {}): Promise<MetricDay[]> {
  const rows = await db
    .select()
    .from(metricDays)
    .where(
      and(
        gte(metricDays.day, period.from),
        lt(metricDays.day, period.to),
        filter.namespace ? eq(metricDays.namespace, filter.namespace) : undefined,
        filter.metricName ? eq(metricDays.metricName, filter.metricName) : undefined,
      ),
    )
    .orderBy(asc(metricDays.day), asc(metricDays.region), asc(metricDays.dimensions));
  return rows.map((r) => ({
    day: r.day,
    region: r.region,
    namespace: r.namespace,
    metricName: r.metricName,
    stat: r.stat,
    dimensions: r.dimensions,
    resourceId: r.resourceId,
    instanceType: r.instanceType,
    unit: r.unit,
    average: r.average,
    minimum: r.minimum,
    maximum: r.maximum,
    sum: r.sum,
    samples: r.samples,
    samplesAtMinimum: r.samplesAtMinimum,
    partial: r.partial,
  }));
}

const key = (type: string, region: string, day: Day) => `${type}\u0000${region}\u0000${day}`;

interface Acc {
  weighted: number;
  samples: number;
}

function add(map: Map<string, Acc>, k: string, row: MetricDay): void {
  if (row.samples <= 0 || !Number.isFinite(row.average)) return;
  const acc = map.get(k) ?? { weighted: 0, samples: 0 };
  acc.weighted += row.average * row.samples;
  acc.samples += row.samples;
  map.set(k, acc);
}

/** Pure: the lookup from daily rows. Percent averages become 0..1 shares. */
export function buildUtilisationLookup(rows: readonly MetricDay[]): UtilisationLookup {
  const byTypeAggregate = new Map<string, Acc>();
  const byInstances = new Map<string, Acc>();
  for (const row of rows) {
    if (row.metricName !== "CPUUtilization" || row.unit !== "Percent") continue;
    if (row.namespace === "AWS/EC2" && row.instanceType) {
      const aggregate = row.dimensions === `InstanceType=${row.instanceType}`;
      add(aggregate ? byTypeAggregate : byInstances, key(row.instanceType, row.region, row.day), row);
    } else if (row.namespace === "AWS/ECS") {
      add(byInstances, key("fargate", row.region, row.day), row);
    }
  }
  const table = new Map<string, number>();
  for (const [k, acc] of byInstances) table.set(k, acc.weighted / acc.samples / 100);
  for (const [k, acc] of byTypeAggregate) table.set(k, acc.weighted / acc.samples / 100);
  return ({ instanceType, region, day }) => table.get(key(instanceType, region, day));
}

/** The lookup for the stored CPU metrics of a period. */
export async function loadUtilisationLookup(db: CairnDb, period: Period): Promise<UtilisationLookup> {
  const rows = await readMetricDays(db, period, { metricName: "CPUUtilization" });
  return buildUtilisationLookup(rows);
}
