/**
 * Is Cairn healthy? Every configured source must have succeeded within 36 hours (a run that did
 * nothing is "skipped", never a success), and the database must take writes. A demo database is
 * excepted from the sources' check (no AWS behind it). One verdict for /healthz, the overview,
 * the Data health page and the stale-data alert. Pure.
 */
import { STALE_AFTER_HOURS } from "./freshness";

export interface SourceRuns {
  source: string;
  firstAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** The newest finished run, to say why it failed. */
  last: { status: string; error: string | null; errorKind: string | null; finishedAt: string | null } | null;
}

export interface SourceProblem {
  source: string;
  kind: "never-succeeded" | "stale";
  lastSuccessAt: string | null;
  firstAttemptAt: string | null;
  ageHours: number | null;
  /** The last run's failure, if it failed. */
  error: string | null;
  errorKind: string | null;
}

export interface Health {
  ok: boolean;
  demo: boolean;
  writable: boolean;
  problems: SourceProblem[];
  /** One plain English sentence for /healthz and logs. */
  reason: string;
}

export function sourceHealth(input: {
  configured: readonly string[];
  runs: readonly SourceRuns[];
  now: Date;
  demo: boolean;
  writable: boolean;
}): Health {
  const problems: SourceProblem[] = [];
  if (!input.demo) {
    for (const source of input.configured) {
      const r = input.runs.find((x) => x.source === source);
      const failed = r?.last?.status === "failed" ? r.last : null;
      const base = {
        source,
        lastSuccessAt: r?.lastSuccessAt ?? null,
        firstAttemptAt: r?.firstAttemptAt ?? null,
        error: failed?.error ?? null,
        errorKind: failed?.errorKind ?? null,
      };
      if (!r?.lastSuccessAt) {
        problems.push({ ...base, kind: "never-succeeded", ageHours: null });
        continue;
      }
      const ageHours = Math.round(((input.now.getTime() - Date.parse(r.lastSuccessAt)) / 3_600_000) * 10) / 10;
      if (ageHours > STALE_AFTER_HOURS) problems.push({ ...base, kind: "stale", ageHours });
    }
  }
  const reasons = problems.map((p) =>
    p.kind === "never-succeeded"
      ? `${p.source} has never collected successfully${p.error ? ` (last error: ${p.error})` : p.firstAttemptAt ? "" : " (never run)"}`
      : `${p.source} last collected successfully ${p.ageHours} h ago (at ${p.lastSuccessAt}), more than ${STALE_AFTER_HOURS} h`,
  );
  if (!input.writable) reasons.unshift("the database cannot be written");
  const ok = problems.length === 0 && input.writable;
  return {
    ok,
    demo: input.demo,
    writable: input.writable,
    problems,
    reason: ok
      ? input.demo
        ? "demo database: no AWS source to check"
        : `every configured source (${input.configured.join(", ")}) collected within ${STALE_AFTER_HOURS} h`
      : reasons.join("; "),
  };
}
