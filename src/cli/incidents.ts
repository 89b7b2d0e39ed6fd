/**
 * `cairn incidents [--json]`, `cairn incidents ack ID --by NAME [--note TEXT]`,
 * `cairn incidents resolve ID --by NAME [--note TEXT]`: the cost incidents the alerts recorded
 * (one per spike) and their state. Writes go through src/services/.
 */
import { acknowledgeIncident } from "../services/acknowledge-incident";
import { ServiceInputError } from "../services/errors";
import { resolveIncident } from "../services/resolve-incident";
import { listIncidents, type StoredIncident } from "../store/incidents";
import { readDb } from "../store/store";
import { CliFailure, type Command, UsageError } from "./command";

const USAGE = `Usage: cairn incidents [--json]
       cairn incidents ack ID --by NAME [--note TEXT]
       cairn incidents resolve ID --by NAME [--note TEXT]

A cost incident is one spike: the service, pipeline and usage type whose daily cost went far
above the same weekdays of the four weeks before, its first and last day, and how much above
usual (USD). \`cairn alerts --send\` (and the scheduler after each collection) records them and
mails each once. ack says someone is on it; resolve closes it; both record --by and --note.`;

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

export function formatIncident(i: StoredIncident): string {
  const days = i.firstDay === i.lastDay ? i.firstDay : `${i.firstDay} to ${i.lastDay}`;
  const who =
    i.status === "resolved"
      ? ` by ${i.resolvedBy} (${i.resolvedAt?.slice(0, 10)})`
      : i.status === "acknowledged"
        ? ` by ${i.acknowledgedBy} (${i.acknowledgedAt?.slice(0, 10)})`
        : "";
  return [
    `#${i.id} ${i.status}${who} · ${days} · ${i.service} · ${i.pipeline === "" ? "(untagged)" : i.pipeline} · ${i.usageType ?? "?"}`,
    `    $${i.excessUsd.toFixed(2)} above usual ($${i.costUsd.toFixed(2)} against $${i.expectedUsd.toFixed(2)} expected)${i.note ? ` · note: ${i.note}` : ""}`,
  ].join("\n");
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
    const store = ctx.openStore();
    if (verb === undefined || verb === "list") {
      const incidents = await listIncidents(readDb(store));
      if (values.json === true) ctx.out(JSON.stringify({ incidents }, null, 2));
      else if (incidents.length === 0) ctx.out("No cost incident recorded.");
      else for (const i of incidents) ctx.out(formatIncident(i));
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
      ctx.out(formatIncident(incident));
      return 0;
    } catch (error) {
      if (error instanceof ServiceInputError) throw new CliFailure(`${error.field}: ${error.message}`);
      throw error;
    }
  },
};
