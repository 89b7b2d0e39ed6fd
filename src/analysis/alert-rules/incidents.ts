/**
 * One spike, one incident. The anomaly rule (./anomaly.ts) judges each service's and each
 * pipeline's daily cost, so a runaway Lambda in the `temperatures` pipeline makes two episodes
 * (the service and the pipeline) and often a third (S3, written to by the same loop). Here those
 * episodes are attributed to the cost cells that moved (service × pipeline × usage type, each
 * against the same weekday of the four weeks before) and episodes that overlap in days and share
 * a moved service-and-pipeline are joined into one incident. Pure.
 */
import { addDays, daysBetween } from "../../days";
import type { Day } from "../../model";
import { alertKey } from "./alert";
import { type AnomalyInput, anomalyAlerts } from "./anomaly";
import { isPlanned } from "./planned";
import { median } from "./robust";

/** One cost cell's daily cost (USD), for attributing a spike. */
export interface CellSeries {
  service: string;
  pipeline: string;
  usageType: string;
  /** USD per day; a missing day is a day at zero. */
  costs: ReadonlyMap<Day, number>;
}

export interface IncidentDriver {
  service: string;
  pipeline: string;
  usageType: string;
  /** Cost above the same weekday's usual level over the incident's days, USD. */
  excessUsd: number;
}

export interface Incident {
  /** `incident|service/pipeline|firstDay|robust` when first seen; a stored incident keeps its own. */
  key: string;
  firstDay: Day;
  lastDay: Day;
  /** The anomalous days (they may have gaps the incident spans). */
  days: Day[];
  /** What moved most: the service, the pipeline ("" untagged) and the usage type (null if unknown). */
  service: string;
  pipeline: string;
  usageType: string | null;
  /** The spike as its most affected series saw it, USD over the incident's anomalous days. */
  costUsd: number;
  expectedUsd: number;
  excessUsd: number;
  /** The cells that moved, largest first (at most MAX_DRIVERS). */
  drivers: IncidentDriver[];
  /** The episodes joined: `service:AWS Lambda`, `pipeline:temperatures`. */
  members: string[];
}

export interface IncidentInput extends AnomalyInput {
  cells: readonly CellSeries[];
}

export const MAX_DRIVERS = 5;
/** A cell explains part of an episode when it holds at least this share of the episode's moved cost. */
const DRIVER_SHARE = 0.1;

/** The cell's cost above its same-weekday median of the four weeks before, summed over `days`. */
export function cellExcess(costs: ReadonlyMap<Day, number>, days: readonly Day[]): number {
  let excess = 0;
  for (const d of days) {
    const usual = median([7, 14, 21, 28].map((w) => costs.get(addDays(d, -w)) ?? 0));
    excess += (costs.get(d) ?? 0) - usual;
  }
  return excess;
}

interface Episode {
  member: string;
  dimension: "service" | "pipeline";
  value: string;
  days: Day[];
  costUsd: number;
  expectedUsd: number;
  excessUsd: number;
  /** `service\u0000pipeline` of the cells that explain it. */
  pairs: Set<string>;
}

const pairOf = (c: { service: string; pipeline: string }) => `${c.service}\u0000${c.pipeline}`;

function driversOf(cells: readonly CellSeries[], days: readonly Day[]): IncidentDriver[] {
  return cells
    .map((c) => ({
      service: c.service,
      pipeline: c.pipeline,
      usageType: c.usageType,
      excessUsd: cellExcess(c.costs, days),
    }))
    .filter((d) => d.excessUsd > 0)
    .sort((a, b) => b.excessUsd - a.excessUsd || a.usageType.localeCompare(b.usageType));
}

/** The cells of an episode's series that hold a real share of what moved. */
function mainDrivers(cells: readonly CellSeries[], e: Omit<Episode, "pairs">): IncidentDriver[] {
  const own = cells.filter((c) => (e.dimension === "service" ? c.service : c.pipeline) === e.value);
  const drivers = driversOf(own, e.days);
  const total = drivers.reduce((s, d) => s + d.excessUsd, 0);
  return drivers.filter((d, i) => i === 0 || d.excessUsd >= DRIVER_SHARE * total);
}

/** Day ranges that overlap or touch. */
const near = (a: Episode, b: Episode) =>
  daysBetween(a.days[a.days.length - 1] as Day, b.days[0] as Day) <= 1 &&
  daysBetween(b.days[b.days.length - 1] as Day, a.days[0] as Day) <= 1;

/** Two episodes explained by the same service in the same pipeline, or by the same (tagged) pipeline. */
function shares(a: Episode, b: Episode): boolean {
  if ([...a.pairs].some((p) => b.pairs.has(p))) return true;
  const pipelines = (e: Episode) =>
    new Set([...e.pairs].map((p) => p.split("\u0000")[1] ?? "").filter((x) => x !== "" && x !== "*"));
  const theirs = pipelines(b);
  return [...pipelines(a)].some((p) => theirs.has(p));
}

/** Every cell that explains the episode sits in a planned activity's scope on each of its days. */
function plannedAway(planned: IncidentInput["planned"], e: Omit<Episode, "pairs">, drivers: IncidentDriver[]): boolean {
  return (
    drivers.length > 0 &&
    drivers.every((d) =>
      e.days.every(
        (day) =>
          isPlanned(planned, day, { dimension: "service", value: d.service }) !== null ||
          isPlanned(planned, day, { dimension: "pipeline", value: d.pipeline }) !== null,
      ),
    )
  );
}

export function detectIncidents(input: IncidentInput): Incident[] {
  // In USD: an incident is stored in USD and converted where it is shown.
  const episodes: Episode[] = anomalyAlerts({ ...input, display: "USD", rates: [] }).flatMap((a) => {
    if (a.facts.rule !== "anomaly") return [];
    const f = a.facts.data;
    const base = {
      member: `${f.dimension}:${f.value}`,
      dimension: f.dimension,
      value: f.value,
      days: f.days,
      costUsd: f.cost,
      expectedUsd: f.expected,
      excessUsd: f.excess,
    };
    const drivers = mainDrivers(input.cells, base);
    // A Lambda spike inside the pipeline's declared field campaign was planned, even seen from the service.
    if (plannedAway(input.planned, base, drivers)) return [];
    const pairs = new Set(drivers.map(pairOf));
    // With no cell data, the episode names its own side of the pair only.
    if (pairs.size === 0) pairs.add(f.dimension === "service" ? `${f.value}\u0000*` : `*\u0000${f.value}`);
    return [{ ...base, pairs }];
  });

  // Union-find over episodes that overlap in days and share a moved service and pipeline.
  const parent = episodes.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (let i = 0; i < episodes.length; i++) {
    for (let j = i + 1; j < episodes.length; j++) {
      const a = episodes[i] as Episode;
      const b = episodes[j] as Episode;
      if (near(a, b) && shares(a, b)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Episode[]>();
  episodes.forEach((e, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), e]);
  });

  const incidents = [...groups.values()].map((members) => toIncident(members, input.cells));
  return incidents.sort((a, b) => a.firstDay.localeCompare(b.firstDay) || b.excessUsd - a.excessUsd);
}

function toIncident(members: Episode[], cells: readonly CellSeries[]): Incident {
  const days = [...new Set(members.flatMap((m) => m.days))].sort();
  const pairs = new Set(members.flatMap((m) => [...m.pairs]));
  const drivers = driversOf(
    cells.filter((c) => pairs.has(pairOf(c))),
    days,
  );
  // The series that saw most of the spike gives its size (the pipeline's total holds a Lambda and an S3 part).
  const lead = [...members].sort((a, b) => b.excessUsd - a.excessUsd)[0] as Episode;
  const top = drivers[0];
  const side = (dimension: "service" | "pipeline") =>
    top ? top[dimension] : (members.find((m) => m.dimension === dimension)?.value ?? "");
  const service = side("service");
  const pipeline = side("pipeline");
  const firstDay = days[0] as Day;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    key: alertKey("incident", `${service}/${pipeline}`, firstDay, "robust"),
    firstDay,
    lastDay: days[days.length - 1] as Day,
    days,
    service,
    pipeline,
    usageType: top?.usageType ?? null,
    costUsd: round(lead.costUsd),
    expectedUsd: round(lead.expectedUsd),
    excessUsd: round(lead.excessUsd),
    drivers: drivers.slice(0, MAX_DRIVERS).map((d) => ({ ...d, excessUsd: round(d.excessUsd) })),
    members: members.map((m) => m.member).sort(),
  };
}
