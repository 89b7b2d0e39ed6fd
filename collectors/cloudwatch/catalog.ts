/**
 * What Cairn asks CloudWatch for: one spec per metric, with the dimension set that names one
 * resource, the statistic read for each period, the period and the unit. EC2 CPU is read per
 * instance and per instance type (the InstanceType aggregate, when CloudWatch publishes it),
 * because the carbon engine wants a utilisation per type, region and day.
 */

export interface MetricSpec {
  namespace: string;
  metricName: string;
  /** Exactly these dimension names, in any order: other dimension sets of the metric are skipped. */
  dimensions: readonly string[];
  /** Which dimension names the resource (joined with `/` when several). */
  resourceFrom: readonly string[];
  stat: "Average" | "Sum" | "Maximum" | "Minimum";
  /** Seconds: 3600 keeps each day's shape; S3 storage metrics exist once a day only. */
  periodSeconds: number;
  unit: string;
}

const HOUR = 3600;
const DAY = 86_400;

export const METRIC_SPECS: readonly MetricSpec[] = [
  {
    namespace: "AWS/EC2",
    metricName: "CPUUtilization",
    dimensions: ["InstanceId"],
    resourceFrom: ["InstanceId"],
    stat: "Average",
    periodSeconds: HOUR,
    unit: "Percent",
  },
  {
    namespace: "AWS/EC2",
    metricName: "CPUUtilization",
    dimensions: ["InstanceType"],
    resourceFrom: ["InstanceType"],
    stat: "Average",
    periodSeconds: HOUR,
    unit: "Percent",
  },
  {
    namespace: "AWS/Lambda",
    metricName: "Duration",
    dimensions: ["FunctionName"],
    resourceFrom: ["FunctionName"],
    stat: "Sum",
    periodSeconds: HOUR,
    unit: "Milliseconds",
  },
  {
    namespace: "AWS/Lambda",
    metricName: "Invocations",
    dimensions: ["FunctionName"],
    resourceFrom: ["FunctionName"],
    stat: "Sum",
    periodSeconds: HOUR,
    unit: "Count",
  },
  {
    namespace: "AWS/RDS",
    metricName: "ServerlessDatabaseCapacity",
    dimensions: ["DBClusterIdentifier"],
    resourceFrom: ["DBClusterIdentifier"],
    stat: "Average",
    periodSeconds: HOUR,
    unit: "Count",
  },
  {
    namespace: "AWS/RDS",
    metricName: "ACUUtilization",
    dimensions: ["DBClusterIdentifier"],
    resourceFrom: ["DBClusterIdentifier"],
    stat: "Average",
    periodSeconds: HOUR,
    unit: "Percent",
  },
  {
    namespace: "AWS/ECS",
    metricName: "CPUUtilization",
    dimensions: ["ClusterName", "ServiceName"],
    resourceFrom: ["ClusterName", "ServiceName"],
    stat: "Average",
    periodSeconds: HOUR,
    unit: "Percent",
  },
  {
    namespace: "AWS/S3",
    metricName: "BucketSizeBytes",
    dimensions: ["BucketName", "StorageType"],
    resourceFrom: ["BucketName"],
    stat: "Average",
    periodSeconds: DAY,
    unit: "Bytes",
  },
  // Request metrics exist only where the owner enabled them (a filter per bucket): read when listed.
  {
    namespace: "AWS/S3",
    metricName: "GetRequests",
    dimensions: ["BucketName", "FilterId"],
    resourceFrom: ["BucketName"],
    stat: "Sum",
    periodSeconds: DAY,
    unit: "Count",
  },
];

export interface Dimension {
  Name: string;
  Value: string;
}

/** `Name=Value` pairs sorted by name and joined with `;`: the stored identity of a resource. */
export function canonicalDimensions(dims: readonly Dimension[]): string {
  return [...dims]
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0))
    .map((d) => `${d.Name}=${d.Value}`)
    .join(";");
}

/** Does a listed metric's dimension set match the spec exactly? */
export function matchesSpec(spec: MetricSpec, dims: readonly Dimension[]): boolean {
  if (dims.length !== spec.dimensions.length) return false;
  return spec.dimensions.every((name) => dims.some((d) => d.Name === name && d.Value !== ""));
}

export function resourceIdOf(spec: MetricSpec, dims: readonly Dimension[]): string {
  return spec.resourceFrom.map((name) => dims.find((d) => d.Name === name)?.Value ?? "").join("/");
}
