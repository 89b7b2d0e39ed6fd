/** The health verdict as the overview and the Data health page show it, in the reader's locale. */

import type { Health } from "../../src/analysis/source-health";
import { collectErrorText } from "../../src/format/collect-error-words";
import { fill } from "../../src/format/fill";
import { formatNumber } from "../../src/format/numbers";
import { colon } from "../../src/format/reconciliation-words";
import type { Locale } from "../../src/model";
import { pick } from "../i18n";
import { HEALTH_WORDS } from "./health-words";

type Words = (typeof HEALTH_WORDS)["en"];

/** One sentence per problem, then what its last failure means and what to do (src/format/collect-error-words.ts). */
export function healthLines(health: Health, locale: Locale): string[] {
  const w: Words = pick(HEALTH_WORDS, locale);
  const lines: string[] = [];
  if (!health.writable) lines.push(w.unwritable);
  for (const p of health.problems) {
    const source = (w as Record<string, string>)[p.source] ?? p.source;
    if (p.kind === "stale")
      lines.push(fill(w.stale, { source, hours: formatNumber(Math.floor(p.ageHours ?? 0), locale) }));
    else lines.push(fill(p.firstAttemptAt === null ? w.neverRun : w.never, { source }));
    if (p.error || p.errorKind) {
      const e = collectErrorText(p.errorKind, p.error, locale);
      lines.push(e.detail ? `${e.message} ${e.detailLabel}${colon(locale)}${e.detail}` : e.message);
    }
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
