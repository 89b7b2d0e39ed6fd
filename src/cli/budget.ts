/** `cairn budget add|list|set|rm` and `cairn budget plan add|list|rm`. */
import { type AccountNames, accountLabel } from "../accounts/account-names";
import { loadAccountNames } from "../accounts/load-account-names";
import type { BudgetStatus } from "../analysis/budget-status";
import { addDays, monthOf, toDay } from "../days";
import { formatMoney, formatPercent } from "../format/numbers";
import type { Budget, Locale } from "../model";
import { addPlannedActivityService } from "../services/add-planned-activity";
import { formatThresholds } from "../services/budget-input";
import { createBudget, type SavedBudget } from "../services/create-budget";
import { deleteBudget } from "../services/delete-budget";
import { ServiceInputError } from "../services/errors";
import { removePlannedActivityService } from "../services/remove-planned-activity";
import { updateBudget } from "../services/update-budget";
import { listPlannedActivities } from "../store/planned-activities";
import { loadPeriodFacts } from "../store/read/period-facts";
import { BUDGET_OPTION_OF, budgetOptions, parseScope } from "./budget-args";
import { type CliContext, CliFailure, type Command, dayOption, type ParsedValues, UsageError } from "./command";
import { asCli, CLI_ACTOR } from "./service-call";

const USAGE = `Usage:
  cairn budget list
  cairn budget add NAME --amount N [--currency USD|EUR] [--period month|year|custom]
                        [--from YYYY-MM-DD --to YYYY-MM-DD] [--scope SCOPE] [--thresholds LIST]
  cairn budget set NAME [--name NEW_NAME] [any option of add]
  cairn budget rm NAME
  (add, set and rm take --by NAME: who makes the change, recorded; default "command line")
  cairn budget plan add NAME --from YYYY-MM-DD --to YYYY-MM-DD [--scope SCOPE]
  cairn budget plan list
  cairn budget plan rm ID

A budget is an amount (USD or EUR; the display currency CAIRN_CURRENCY by default) for a month, a year, or a custom period (--from and --to
are its first and last days, e.g. a grant's), on a scope: all (default), pipeline:NAME,
service:NAME (as AWS names it, e.g. "Amazon Simple Storage Service") or account:ID.
Thresholds default to 50,80,100,forecast:100: an alert when actual spend crosses 50, 80 and
100 % of the amount, and when the forecast at the period's end goes over 100 % (at most 1000 %).
A scope that matches nothing Cairn has seen is kept with a warning. The budgets page
validates with the same rules.

Planned activities (a field campaign, a reprocessing) declare days on which spikes are expected:
no anomaly alert is raised for them (budgets still count every dollar).`;

function line(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join("  ")
    .trimEnd();
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  return [line(header, widths), ...rows.map((r) => line(r, widths))].join("\n");
}

function periodText(b: Budget): string {
  if (b.periodKind === "custom" && b.customPeriod) return `${b.customPeriod.from}..${addDays(b.customPeriod.to, -1)}`;
  return b.periodKind;
}

/** The scope as --scope takes it; a named account as "account:Name (id)" where names are given. */
function scopeText(b: Budget, names: AccountNames = {}): string {
  if (b.scopeKind === "all") return "all";
  return `${b.scopeKind}:${b.scopeKind === "account" ? accountLabel(b.scopeValue, names) : b.scopeValue}`;
}

function statusRow(s: BudgetStatus, locale: Locale, names: AccountNames): string[] {
  const b = s.budget;
  // In the display currency, as on the budgets page (the amount entered in brackets when it differs).
  const money = (n: number) => formatMoney(n, s.currency, locale);
  // A budget that cannot be converted (no rate for its month) is shown as entered, and says so.
  const unconverted = b.currency !== s.currency && s.missingRate;
  const amount = unconverted
    ? `${formatMoney(b.amount, b.currency, locale)} (no rate for ${s.missingMonths.join(", ")})`
    : b.currency === s.currency
      ? money(s.amount)
      : `${money(s.amount)} (${formatMoney(b.amount, b.currency, locale)})`;
  return [
    b.name,
    amount,
    periodText(b),
    scopeText(b, names),
    s.state === "upcoming" ? "—" : `${money(s.spent)} (${formatPercent(s.spentRatio, locale)})`,
    s.forecast === null ? "—" : `${money(s.forecast)} (${formatPercent(s.forecastRatio ?? 0, locale)})`,
    formatThresholds(b.thresholds),
  ];
}

function nameArg(positionals: string[], verb: string): string {
  const name = positionals[1];
  if (!name || name.trim() === "") throw new UsageError(`budget ${verb} needs a NAME`);
  if (positionals.length > 2)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[2])} (quote a name with spaces)`);
  return name.trim();
}

async function plan(ctx: CliContext, values: ParsedValues, args: string[]): Promise<number> {
  const store = ctx.openStore();
  const [verb, arg] = args;
  if (verb === "list") {
    const rows = await listPlannedActivities(store);
    if (rows.length === 0) ctx.out("No planned activity. Add one with `cairn budget plan add NAME --from D --to D`.");
    else
      ctx.out(
        table(
          ["ID", "NAME", "FROM", "TO", "SCOPE"],
          rows.map((p) => [
            String(p.id),
            p.name,
            p.fromDay,
            p.toDay,
            p.scopeKind === "all" ? "all" : `${p.scopeKind}:${p.scopeValue}`,
          ]),
        ),
      );
    return 0;
  }
  const deps = { store, now: ctx.now };
  if (verb === "add") {
    if (!arg) throw new UsageError("budget plan add needs a NAME");
    const from = dayOption(values, "from");
    const to = dayOption(values, "to");
    if (!from || !to) throw new UsageError("budget plan add needs --from and --to (first and last days, included)");
    const scope =
      typeof values.scope === "string" ? parseScope(values.scope) : { scopeKind: "all" as const, scopeValue: "" };
    const id = await asCli(() =>
      addPlannedActivityService(deps, { name: arg, fromDay: from, toDay: to, ...scope, actor: CLI_ACTOR }),
    );
    ctx.out(
      `Planned activity ${id} "${arg}" added: ${from} to ${to}; anomalies on ${scope.scopeKind === "all" ? "all spending" : `${scope.scopeKind} ${scope.scopeValue}`} are not alerted on those days.`,
    );
    return 0;
  }
  if (verb === "rm") {
    if (!arg) throw new UsageError("budget plan rm needs the activity's ID (see `cairn budget plan list`)");
    await asCli(() => removePlannedActivityService(deps, { id: arg, actor: CLI_ACTOR }));
    ctx.out(`Planned activity ${arg} removed.`);
    return 0;
  }
  throw new UsageError(`budget plan takes add, list or rm, got ${JSON.stringify(verb ?? "")}`);
}

export const budgetCommand: Command = {
  name: "budget",
  summary: "Manage budgets and planned-activity periods",
  usage: USAGE,
  positionals: true,
  options: {
    amount: { type: "string" },
    currency: { type: "string" },
    period: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    scope: { type: "string" },
    thresholds: { type: "string" },
    name: { type: "string" },
    by: { type: "string" },
  },
  async run(ctx, values, positionals) {
    const verb = positionals[0];
    if (verb === "plan") return plan(ctx, values, positionals.slice(1));
    try {
      return await budgetVerb(ctx, values, positionals);
    } catch (error) {
      if (!(error instanceof ServiceInputError)) throw error;
      if (error.key === "nameTaken" || error.key === "budgetMissing") {
        throw new CliFailure(error.key === "nameTaken" ? `${error.message} (\`cairn budget set\`)` : error.message);
      }
      throw new UsageError(`${BUDGET_OPTION_OF[error.field] ?? error.field} ${error.message}`);
    }
  },
};

function savedText(verb: string, s: SavedBudget, locale: Locale): string {
  const b = s.budget;
  return `Budget "${b.name}" ${verb}: ${formatMoney(b.amount, b.currency, locale)} per ${periodText(b)}, scope ${scopeText(b)}, thresholds ${formatThresholds(b.thresholds)}.`;
}

function warnUnknownScope(ctx: CliContext, s: SavedBudget): void {
  if (s.unknownScope)
    ctx.err(
      `warning: ${s.budget.scopeKind} "${s.budget.scopeValue}" matches nothing Cairn has seen in its cost data; kept as typed (check the spelling)`,
    );
}

async function budgetVerb(ctx: CliContext, values: ParsedValues, positionals: string[]): Promise<number> {
  const verb = positionals[0];
  const store = ctx.openStore();
  const deps = { store, now: ctx.now, displayCurrency: ctx.config.CAIRN_CURRENCY };
  const actor = typeof values.by === "string" ? values.by : CLI_ACTOR;
  const locale = ctx.config.CAIRN_LOCALE;
  switch (verb) {
    case "list": {
      const facts = await loadPeriodFacts(store, {
        month: monthOf(toDay(ctx.now())),
        display: ctx.config.CAIRN_CURRENCY,
      });
      const statuses = facts.budgets;
      const names = await loadAccountNames(store, ctx.config);
      if (statuses.length === 0) {
        ctx.out("No budget yet. Add one with `cairn budget add NAME --amount N`.");
        return 0;
      }
      ctx.out(
        table(
          ["NAME", "AMOUNT", "PERIOD", "SCOPE", "SPENT", "FORECAST", "THRESHOLDS"],
          statuses.map((s) => statusRow(s, locale, names)),
        ),
      );
      return 0;
    }
    case "add": {
      const name = nameArg(positionals, "add");
      if (typeof values.amount !== "string") throw new UsageError("budget add needs --amount");
      const saved = await createBudget(deps, {
        ...budgetOptions(values),
        name,
        amount: values.amount,
        actor,
        confirmUnknownScope: true,
      });
      warnUnknownScope(ctx, saved);
      ctx.out(savedText("added", saved, locale));
      return 0;
    }
    case "set": {
      const name = nameArg(positionals, "set");
      const changes = budgetOptions(values);
      const rename = typeof values.name === "string" ? values.name : undefined;
      if (Object.values(changes).every((v) => v === undefined) && rename === undefined)
        throw new UsageError("budget set needs at least one option to change");
      const saved = await updateBudget(deps, {
        ...changes,
        ...(rename === undefined ? {} : { name: rename }),
        of: name,
        actor,
        confirmUnknownScope: true,
      });
      warnUnknownScope(ctx, saved);
      ctx.out(savedText("updated", saved, locale));
      return 0;
    }
    case "rm": {
      const name = nameArg(positionals, "rm");
      await deleteBudget(deps, { name, actor });
      ctx.out(`Budget "${name}" removed.`);
      return 0;
    }
    default:
      throw new UsageError(verb === undefined ? "budget needs a verb" : `unknown verb ${JSON.stringify(verb)}`);
  }
}
