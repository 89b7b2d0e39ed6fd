/**
 * `cairn incidents [--json]`, `cairn incidents ack ID --by NAME [--note TEXT]`,
 * `cairn incidents resolve ID --by NAME [--note TEXT]`: the cost incidents the alerts recorded
 * (one per spike) and their state. Writes go through src/services/.
 */
import { monthOf } from "../days";
import { fill } from "../format/fill";
import { formatDay, formatMoney } from "../format/numbers";
import { colonFor, frenchTypography } from "../format/typography";
import type { Locale } from "../model";
import { acknowledgeIncident } from "../services/acknowledge-incident";
import { ServiceInputError } from "../services/errors";
import { resolveIncident } from "../services/resolve-incident";
import { listIncidents, type StoredIncident } from "../store/incidents";
import { readDb } from "../store/store";
import { loadCliMoney } from "./cli-money";
import { CLI_INCIDENT_WORDS } from "./cli-words";
import { type CliContext, CliFailure, type Command, UsageError } from "./command";

const USAGE = `Usage: cairn incidents [--json]
       cairn incidents ack ID --by NAME [--note TEXT]
       cairn incidents resolve ID --by NAME [--note TEXT]

A cost incident is one spike: the service, pipeline and usage type whose daily cost went far
above the same weekdays of the four weeks before, its first and last day, and how much above
usual (USD). \`cairn alerts --send\` (and the scheduler after each collection) records them and
mails each once. ack says someone is on it; resolve closes it; both record --by and --note.`;

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * One incident in two lines, in CAIRN_LOCALE: days written out, amounts through `money` (the
 * display currency at the rate of the incident's first month; USD as recorded by default).
 */
export function formatIncident(
  i: StoredIncident,
  locale: Locale = "en",
  money: (usd: number) => string = (usd) => formatMoney(usd, "USD", locale),
): string {
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
  const colon = colonFor(locale);
  const text = [
    `#${i.id} ${status}${who} · ${days} · ${i.service} · ${i.pipeline === "" ? w.untagged : i.pipeline} · ${i.usageType ?? "?"}`,
    `    ${fill(w.aboveUsual, { excess: money(i.excessUsd), cost: money(i.costUsd), expected: money(i.expectedUsd) })}${i.note ? ` · ${w.note}${colon}${i.note}` : ""}`,
  ].join("\n");
  return locale === "fr" ? frenchTypography(text) : text;
}

/** Incidents printed in the display currency, each at its first month's rate (a note first when a rate is missing). */
async function incidentPrinter(ctx: CliContext, incidents: readonly StoredIncident[]) {
  const locale = ctx.config.CAIRN_LOCALE;
  const months = [...new Set(incidents.map((i) => monthOf(i.firstDay)))];
  const money = await loadCliMoney(readDb(ctx.openStore()), ctx.config.CAIRN_CURRENCY, locale, months);
  if (money.missingNote) ctx.out(money.missingNote);
  return (i: StoredIncident) => formatIncident(i, locale, (usd) => money.format(usd, monthOf(i.firstDay)));
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
      else {
        const printer = await incidentPrinter(ctx, incidents);
        for (const i of incidents) ctx.out(printer(i));
      }
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
      ctx.out((await incidentPrinter(ctx, [incident]))(incident));
      return 0;
    } catch (error) {
      if (error instanceof ServiceInputError) throw new CliFailure(`${error.field}: ${error.message}`);
      throw error;
    }
  },
};
