/**
 * `cairn upkeep add|list|rm|rate`: the upkeep log (the invisible work behind each pipeline) and
 * the hourly values that turn it into cost of ownership. Writes go through src/services/.
 */
import { addMonths, firstDayOfMonth, isValidMonth, monthOf, toDay } from "../days";
import { addUpkeep } from "../services/add-upkeep";
import { ServiceInputError } from "../services/errors";
import { removeUpkeep } from "../services/remove-upkeep";
import { setUpkeepRate } from "../services/set-upkeep-rate";
import { costOfOwnership } from "../store/read/cost-of-ownership";
import { readDb } from "../store/store";
import { listUpkeep } from "../store/upkeep";
import { CliFailure, type Command, UsageError } from "./command";

const USAGE = `Usage: cairn upkeep add --hours H --person NAME --what TEXT (--pipeline P | --resource R)
                         [--on YYYY-MM-DD] [--paid] [--by NAME]
       cairn upkeep list [--month YYYY-MM]
       cairn upkeep rm ID [--by NAME]
       cairn upkeep rate PERSON USD_PER_HOUR [--by NAME]

Upkeep is the work a pipeline needs besides its cloud bill: updates, fixes, checks. Each entry
is volunteered unless --paid. A pipeline's cost of ownership for a month is its cloud cost plus
its upkeep hours at each person's hourly value (\`cairn upkeep rate\`), else
CAIRN_UPKEEP_HOUR_VALUE (0 counts the hours without valuing them). list prints the month's
entries and each pipeline's cost of ownership.`;

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

export const upkeepCommand: Command = {
  name: "upkeep",
  summary: "Log upkeep hours and show each pipeline's cost of ownership",
  usage: USAGE,
  positionals: true,
  options: {
    hours: { type: "string" },
    person: { type: "string" },
    what: { type: "string" },
    pipeline: { type: "string" },
    resource: { type: "string" },
    on: { type: "string" },
    paid: { type: "boolean", default: false },
    by: { type: "string" },
    month: { type: "string" },
  },
  async run(ctx, values, positionals) {
    const verb = positionals[0];
    const store = ctx.openStore();
    const deps = { store, now: ctx.now };
    const by = str(values.by) ?? "command line";
    try {
      switch (verb) {
        case "add": {
          const id = await addUpkeep(deps, {
            day: str(values.on) ?? toDay(ctx.now()),
            pipeline: str(values.pipeline) ?? "",
            resource: str(values.resource) ?? "",
            hours: str(values.hours) ?? "",
            person: str(values.person) ?? "",
            what: str(values.what) ?? "",
            volunteered: values.paid !== true,
            actor: by,
          } as never);
          ctx.out(`Upkeep entry ${id} recorded.`);
          return 0;
        }
        case "rm": {
          await removeUpkeep(deps, { id: positionals[1] ?? "", actor: by } as never);
          ctx.out(`Upkeep entry ${positionals[1]} removed.`);
          return 0;
        }
        case "rate": {
          const [, person, value] = positionals;
          if (person === undefined || value === undefined)
            throw new UsageError("upkeep rate needs PERSON and USD_PER_HOUR");
          await setUpkeepRate(deps, { person, hourValueUsd: value, actor: by } as never);
          ctx.out(`Upkeep of ${person} valued at ${value} USD an hour.`);
          return 0;
        }
        case "list": {
          const month = str(values.month) ?? monthOf(toDay(ctx.now()));
          if (!isValidMonth(month)) throw new UsageError("--month must be YYYY-MM");
          const period = { from: firstDayOfMonth(month), to: firstDayOfMonth(addMonths(month, 1)) };
          const db = readDb(store);
          const entries = await listUpkeep(db, period);
          ctx.out(`Upkeep in ${month}: ${entries.length} entr${entries.length === 1 ? "y" : "ies"}.`);
          for (const e of entries) {
            ctx.out(
              `  ${e.id}\t${e.day}\t${e.pipeline || e.resource}\t${e.hours} h\t${e.person}\t${e.volunteered ? "volunteered" : "paid"}\t${e.what}`,
            );
          }
          ctx.out("Cost of ownership (USD): pipeline, cloud, upkeep hours, upkeep value, total");
          for (const r of await costOfOwnership(db, period, ctx.config.CAIRN_UPKEEP_HOUR_VALUE)) {
            ctx.out(
              `  ${r.pipeline || "(untagged)"}\t${r.cloudCostUsd.toFixed(2)}\t${r.upkeepHours} h\t${r.upkeepValueUsd.toFixed(2)}\t${r.totalUsd.toFixed(2)}`,
            );
          }
          return 0;
        }
        default:
          throw new UsageError(verb === undefined ? "upkeep needs a verb" : `unknown verb ${JSON.stringify(verb)}`);
      }
    } catch (error) {
      if (error instanceof ServiceInputError) throw new CliFailure(`${error.field}: ${error.message}`);
      throw error;
    }
  },
};
