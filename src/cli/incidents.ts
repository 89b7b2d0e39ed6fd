/**
 * `cairn incidents [--json]`, `cairn incidents ack ID --by NAME [--note TEXT]`,
 * `cairn incidents resolve ID --by NAME [--note TEXT]`: the cost incidents the alerts recorded
 * (one per spike) and their state. Writes go through src/services/.
 */
import { fill } from "../format/fill";
import { formatDay, formatMoney } from "../format/numbers";
import { colonFor, frenchTypography } from "../format/typography";
import type { Locale } from "../model";
import { acknowledgeIncident } from "../services/acknowledge-incident";
import { ServiceInputError } from "../services/errors";
import { resolveIncident } from "../services/resolve-incident";
import { listIncidents, type StoredIncident } from "../store/incidents";
import { readDb } from "../store/store";
import { CLI_INCIDENT_WORDS } from "./cli-words";
import { CliFailure, type Command, UsageError } from "./command";

const USAGE = `Usage: cairn incidents [--json]
       cairn incidents ack ID --by NAME [--note TEXT]
       cairn incidents resolve ID --by NAME [--note TEXT]

A cost incident is one spike: the service, pipeline and usage type whose daily cost went far
above the same weekdays of the four weeks before, its first and last day, and how much above
usual (USD). \`cairn alerts --send\` (and the scheduler after each collection) records them and
mails each once. ack says someone is on it; resolve closes it; both record --by and --note.`;

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * One incident in two lines, in CAIRN_LOCALE: days written out, amounts in USD as recorded
 * (the incident's figures are USD, like the alert that raised it).
 */
export function formatIncident(i: StoredIncident, locale: Locale = "en"): string {
  const w = CLI_INCIDENT_WORDS[locale];
  const day = (d: string) => formatDay(d, locale);
  const days = i.firstDay === i.lastDay ? day(i.firstDay) : `${day(i.firstDay)} – ${day(i.lastDay)}`;
  const when = (at: string | null | undefined) => (at ? ` (${day(at.slice(0, 10))})` : "");
  const who =
    i.status === "resolved"
      ? ` ${w.by} ${i.resolvedBy}${when(i.resolvedAt)}`
      : i.status === "acknowledged"
        ? ` ${w.by} ${i.acknowledgedBy}${when(i.acknowledgedAt)}`
        : "";
  const status = (w as Record<string, string>)[`status_${i.status}`] ?? i.status;
  const usd = (n: number) => formatMoney(n, "USD", locale);
  const colon = colonFor(locale);
  const text = [
    `#${i.id} ${status}${who} · ${days} · ${i.service} · ${i.pipeline === "" ? w.untagged : i.pipeline} · ${i.usageType ?? "?"}`,
    `    ${fill(w.aboveUsual, { excess: usd(i.excessUsd), cost: usd(i.costUsd), expected: usd(i.expectedUsd) })}${i.note ? ` · ${w.note}${colon}${i.note}` : ""}`,
  ].join("\n");
  return locale === "fr" ? frenchTypography(text) : text;
}

export const incidentsCommand: Command = {
  name: "incidents",
  summary: "Cost incidents (one per spike): list, acknowledge, resolve",
  usage: USAGE,
  positionals: true,
  options: {
    json: { type: "boolean", default: false },
    by: { type: "string" },
    note: { type: "string" },
  },
  async run(ctx, values, positionals) {
    const verb = positionals[0];
    const locale = ctx.config.CAIRN_LOCALE;
    const store = ctx.openStore();
    if (verb === undefined || verb === "list") {
      const incidents = await listIncidents(readDb(store));
      if (values.json === true) ctx.out(JSON.stringify({ incidents }, null, 2));
      else if (incidents.length === 0) ctx.out(CLI_INCIDENT_WORDS[locale].none);
      else for (const i of incidents) ctx.out(formatIncident(i, locale));
      return 0;
    }
    if (verb !== "ack" && verb !== "resolve") {
      throw new UsageError(`incidents takes list, ack or resolve, got ${JSON.stringify(verb)}`);
    }
    const id = positionals[1];
    if (id === undefined) throw new UsageError(`incidents ${verb} needs the incident's ID (see \`cairn incidents\`)`);
    const by = str(values.by);
    if (by === undefined) throw new UsageError(`incidents ${verb} needs --by NAME`);
    const change = verb === "ack" ? acknowledgeIncident : resolveIncident;
    try {
      const incident = await change({ store, now: ctx.now }, { id, actor: by, note: str(values.note) } as never);
      ctx.out(formatIncident(incident, locale));
      return 0;
    } catch (error) {
      if (error instanceof ServiceInputError) throw new CliFailure(`${error.field}: ${error.message}`);
      throw error;
    }
  },
};
