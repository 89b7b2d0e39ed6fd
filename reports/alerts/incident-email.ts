/**
 * A cost incident as an email: what moved (service, pipeline, usage type), its days and how
 * much above usual, a link to the explorer on those days and that usage type, and one to the
 * Incidents page where an admin acknowledges or resolves it. Pure.
 */
import type { Alert, IncidentAlertFacts } from "../../src/analysis/alert-rules/alert";
import { fill } from "../../src/format/fill";
import type { BuiltEmail, Fmt } from "./context";

export function incidentEmail(alert: Alert, f: IncidentAlertFacts, x: Fmt): BuiltEmail {
  const { w } = x;
  const i = f.incident;
  const colon = w.asOf === "au" ? " :" : ":";
  const pipeline = i.pipeline === "" ? w.untagged : i.pipeline;
  const what = i.pipeline === "" ? `${i.service} ${w.untagged}` : `${i.service} ${fill(w.incidentIn, { pipeline })}`;
  const shortWhen =
    i.firstDay === i.lastDay ? x.shortDay(i.firstDay) : `${x.shortDay(i.firstDay)} – ${x.shortDay(i.lastDay)}`;
  const when =
    i.firstDay === i.lastDay
      ? fill(w.incidentOneDay, { day: x.day(i.firstDay) })
      : fill(w.incidentDays, { first: x.day(i.firstDay), last: x.day(i.lastDay) });
  const excess = x.money(f.excess, f.currency);
  const subject = `${w.incidentHeading}${colon} ${what}, ${shortWhen}, ${fill(w.incidentAbove, { amount: excess })}`;
  const others = i.drivers
    .slice(1)
    .map((d, n) => `${d.usageType} (${d.service}) +${x.money(f.driverExcess[n + 1] ?? 0, f.currency)}`);
  const link = x.link(alert.path);
  return {
    subject,
    block: {
      heading: subject,
      intro: fill(w.incidentIntro, { what, excess, when }),
      figures: [
        [w.incidentService, i.service],
        [w.incidentPipeline, pipeline],
        [w.incidentUsageType, i.usageType ?? "—"],
        [w.incidentFirstDay, x.day(i.firstDay)],
        [w.incidentLastDay, x.day(i.lastDay)],
        [w.dayCost, x.money(f.cost, f.currency)],
        [w.expected, x.money(f.expected, f.currency)],
        [w.excess, excess],
        ...(others.length > 0 ? [[w.incidentAlsoMoved, others.join(", ")] as [string, string]] : []),
      ],
      note: w.incidentNote,
      link: { href: link.href, label: w.incidentExplore },
      extraLink: { href: x.link("/incidents").href, label: w.incidentPage },
      footer: x.footer(alert.key),
    },
  };
}
