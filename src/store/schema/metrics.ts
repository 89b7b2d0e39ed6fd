/**
 * CloudWatch metrics as daily aggregates: one row per metric, resource (its dimensions), region
 * and UTC day. Hourly datapoints are folded into the day (average of the hours, lowest and
 * highest hour, sum, hours with data), so a day keeps its shape without storing every hour.
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { collectionRuns } from "./runs";

export const metricDays = sqliteTable(
  "metric_days",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    day: text("day").notNull(),
    region: text("region").notNull(),
    /** `AWS/EC2`, `AWS/Lambda`, `AWS/RDS`, `AWS/ECS`, `AWS/S3` */
    namespace: text("namespace").notNull(),
    metricName: text("metric_name").notNull(),
    /** The statistic asked for each hour: Average, Sum, Maximum... */
    stat: text("stat").notNull(),
    /** Canonical dimensions, `Name=Value` sorted by name and joined with `;`. */
    dimensions: text("dimensions").notNull(),
    /** The resource the row is about: instance id, function name, cluster, `cluster/service`, bucket. */
    resourceId: text("resource_id").notNull(),
    /** EC2: the instance type (from the InstanceType dimension or inferred from cost lines), else null. */
    instanceType: text("instance_type"),
    /** CloudWatch's unit: Percent, Milliseconds, Count, Bytes. */
    unit: text("unit").notNull(),
    /** Mean of the day's datapoints (hourly values; the one daily value for S3). */
    average: real("average").notNull(),
    minimum: real("minimum").notNull(),
    maximum: real("maximum").notNull(),
    sum: real("sum").notNull(),
    /** Datapoints with data that day (hours for hourly metrics). */
    samples: integer("samples").notNull(),
    /** Datapoints within 1% of the day's minimum: how long a floor (Aurora's minimum ACU) was held. */
    samplesAtMinimum: integer("samples_at_minimum").notNull(),
    /** CloudWatch answered PartialData and the gap was not filled: the day may miss hours. */
    partial: integer("partial", { mode: "boolean" }).notNull(),
    runId: integer("run_id").references(() => collectionRuns.id, { onDelete: "set null" }),
    collectedAt: text("collected_at").notNull(),
  },
  (t) => [
    uniqueIndex("metric_days_natural_key").on(t.day, t.region, t.namespace, t.metricName, t.stat, t.dimensions),
    index("metric_days_metric_day").on(t.namespace, t.metricName, t.day),
  ],
);
