/** Alerts about the bill's shape and about Cairn itself: spikes, new services, stale data, request cap. Pure. */

import type {
  Alert,
  AnomalyAlertFacts,
  NewServiceAlertFacts,
  RequestCapAlertFacts,
  StaleAlertFacts,
} from "../../src/analysis/alert-rules/alert";
import { collectErrorText } from "../../src/format/collect-error-words";
import { fill } from "../../src/format/fill";
import { formatInstant } from "../../src/format/instant";
import { formatMonth, formatNumber } from "../../src/format/numbers";
import { frenchOf } from "../../src/format/typography";
import type { Locale } from "../../src/model";
import type { BuiltEmail, Fmt } from "./context";

export function anomalyEmail(alert: Alert, f: AnomalyAlertFacts, x: Fmt): BuiltEmail {
  const { w } = x;
  const colon = w.asOf === "au" ? " :" : ":";
  const value = f.value === "" ? w.untagged : f.value;
  const what = f.dimension === "pipeline" ? `${w.pipelineWord} ${value}` : value;
  const when =
    f.days.length > 1
      ? fill(w.spikeOver, { n: String(f.days.length), day: x.shortDay(f.day) })
      : `${w.spikeOn} ${x.shortDay(f.day)}`;
  const subject = `${w.spikeHeading}${colon} ${what}, ${x.money(f.cost, f.currency)} ${when} (${w.expected.toLowerCase()} ${x.money(f.expected, f.currency)})`;
  return {
    subject,
    block: {
      heading: subject,
      // French: "d'AWS Lambda", "de la chaîne temperatures" (never "de AWS", "de chaîne").
      intro: fill(w.spikeIntro, {
        what,
        ofWhat: frenchOf(f.dimension === "pipeline" ? `la ${w.pipelineWord} ${value}` : value),
      }),
      figures: [
        [w.days, f.days.map((d) => x.day(d)).join(", ")],
        [w.dayCost, x.money(f.cost, f.currency)],
        [w.expected, x.money(f.expected, f.currency)],
        [w.excess, x.money(f.excess, f.currency)],
      ],
      note: w.spikeNote,
      link: x.link(alert.path),
      footer: x.footer(alert.key),
    },
  };
}

export function newServiceEmail(alert: Alert, f: NewServiceAlertFacts, x: Fmt): BuiltEmail {
  const { w } = x;
  const colon = w.asOf === "au" ? " :" : ":";
  const subject = `${w.newServiceHeading}${colon} ${f.service} (${w.since} ${x.shortDay(f.firstDay)})`;
  return {
    subject,
    block: {
      heading: subject,
      intro: fill(w.newServiceIntro, { service: f.service }),
      figures: [
        [w.firstDay, x.day(f.firstDay)],
        [w.costSoFar, x.money(f.costSoFar, f.currency)],
      ],
      link: x.link(alert.path),
      footer: x.footer(alert.key),
    },
  };
}

export function staleEmail(alert: Alert, f: StaleAlertFacts, x: Fmt, locale: Locale): BuiltEmail {
  const { w } = x;
  const source = (w as Record<string, string>)[`source-${f.source}`] ?? f.source;
  const subject = `${
    f.ageHours === null ? w.staleNever : `${w.staleHeading} ${formatNumber(Math.floor(f.ageHours), locale)} h`
  } (${source})`;
  const figures: [string, string][] = [
    [w.source, source],
    [w.lastSuccess, f.lastSuccessAt ? formatInstant(f.lastSuccessAt, locale) : w.never],
  ];
  if (f.lastSuccessAt === null && f.firstAttemptAt)
    figures.push([w.firstAttempt, formatInstant(f.firstAttemptAt, locale)]);
  // What the last failure means and what to do, in the reader's language; the recorded text after it.
  if (f.error || f.errorKind) {
    const e = collectErrorText(f.errorKind, f.error, locale);
    figures.push([w.lastFailure, e.message]);
    if (e.detail) figures.push([e.detailLabel, e.detail]);
  }
  return {
    subject,
    block: {
      heading: subject,
      intro: fill(w.staleIntro, { hours: String(f.staleAfterHours) }),
      figures,
      note: w.staleNote,
      link: x.link(alert.path),
      footer: x.footer(alert.key),
    },
  };
}

export function requestCapEmail(alert: Alert, f: RequestCapAlertFacts, x: Fmt, locale: Locale): BuiltEmail {
  const { w } = x;
  const month = formatMonth(f.month, locale);
  const subject = `${w.capHeading} (${month}, ${f.used}/${f.cap})`;
  return {
    subject,
    block: {
      heading: subject,
      intro: fill(w.capIntro, { month }),
      figures: [[w.requests, `${f.used} / ${f.cap}`]],
      note: w.capNote,
      link: x.link(alert.path),
      footer: x.footer(alert.key),
    },
  };
}
