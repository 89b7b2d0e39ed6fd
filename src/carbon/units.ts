/**
 * Usage units as Cost Explorer and FOCUS spell them, reduced to the few kinds the estimator
 * converts. A unit outside this table is unknown: a line that needs it is excluded, saying so.
 */
export type UnitKind =
  | "hours"
  | "seconds"
  | "gb-month"
  | "gb-hours"
  | "byte-hours"
  | "gb"
  | "bytes"
  | "gb-seconds"
  | "count";

export const UNIT_KINDS: Readonly<Record<string, UnitKind>> = {
  hrs: "hours",
  hr: "hours",
  hours: "hours",
  hour: "hours",
  "instance-hours": "hours",
  "vcpu-hours": "hours",
  "vcpu-hrs": "hours",
  "acu-hr": "hours",
  "acu-hrs": "hours",
  "acu-hours": "hours",
  // Cost Explorer gives Lambda duration in "Second" (GB-seconds for a Lambda-GB-Second usage type).
  second: "seconds",
  seconds: "seconds",
  "gb-mo": "gb-month",
  "gb-month": "gb-month",
  "gb-months": "gb-month",
  gbmonth: "gb-month",
  "gb-hours": "gb-hours",
  "gb-hrs": "gb-hours",
  "gb-hour": "gb-hours",
  "byte-hrs": "byte-hours",
  "byte-hours": "byte-hours",
  bytehrs: "byte-hours",
  gb: "gb",
  gigabytes: "gb",
  bytes: "bytes",
  "lambda-gb-second": "gb-seconds",
  "gb-seconds": "gb-seconds",
  "gb-second": "gb-seconds",
  "gb-s": "gb-seconds",
  requests: "count",
  request: "count",
  count: "count",
  "n/a": "count",
  statetransitions: "count",
  transitions: "count",
  messages: "count",
  emails: "count",
  keys: "count",
  metrics: "count",
  alarms: "count",
  ios: "count",
  "api calls": "count",
};

export function unitKind(unit: string): UnitKind | null {
  return UNIT_KINDS[unit.trim().toLowerCase()] ?? null;
}
