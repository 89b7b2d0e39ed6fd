/** The health verdict as the overview and the Data health page show it, in the reader's locale. */

import type { Health } from "../../src/analysis/source-health";
import { fill } from "../../src/format/fill";
import { formatNumber } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import { pick } from "../i18n";
import { HEALTH_WORDS } from "./health-words";

type Words = (typeof HEALTH_WORDS)["en"];
const CREDENTIAL_KINDS = ["missing-credentials", "expired-credentials", "access-denied"] as const;

/** One sentence per problem, and what to do when the last run's failure is a credentials one. */
export function healthLines(health: Health, locale: Locale): string[] {
  const w: Words = pick(HEALTH_WORDS, locale);
  const lines: string[] = [];
  if (!health.writable) lines.push(w.unwritable);
  for (const p of health.problems) {
    const source = (w as Record<string, string>)[p.source] ?? p.source;
    if (p.kind === "stale")
      lines.push(fill(w.stale, { source, hours: formatNumber(Math.floor(p.ageHours ?? 0), locale) }));
    else lines.push(fill(p.firstAttemptAt === null ? w.neverRun : w.never, { source }));
    const kind = CREDENTIAL_KINDS.find((k) => k === p.errorKind);
    if (kind) lines.push(w[kind]);
    else if (p.error) lines.push(`${w.lastError}${locale === "fr" ? "\u00a0: " : ": "}${p.error}`);
  }
  return lines;
}

export function HealthNotice(props: { health: Health; locale: Locale }) {
  if (props.health.ok) return null;
  const w = pick(HEALTH_WORDS, props.locale);
  return (
    <section class="notice bad" id="health-problems" role="alert">
      <strong>{w.heading}</strong>
      <ul>
        {healthLines(props.health, props.locale).map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </section>
  );
}
