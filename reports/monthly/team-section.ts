/**
 * The monthly report's "Ce que l'équipe a fait" / "What the team did" section: findings done and
 * their realised savings, upkeep hours by pipeline, the open findings worth most and, when the
 * month is over budget, the lines that explain the overrun and the finding that would fix most
 * of it. Pure; amounts arrive in USD and are shown in the report's currency.
 */
import { fill } from "../../src/format/fill";
import { formatDay, formatMoney, formatNumber } from "../../src/format/numbers";
import type { Currency, Locale } from "../../src/model";
import { pipelineLabel, plainService } from "../plain-names";
import type { Block } from "../render/document";
import type { TeamFacts } from "./team-facts";

const WORDS = {
  fr: {
    heading: "Ce que l'équipe a fait",
    nothing:
      "Aucune optimisation n'a été marquée comme faite et aucune heure d'entretien n'a été consignée ce mois-ci.",
    done: "{action} Fait le {day} par {by}.",
    realised: "Économie réalisée\u00a0: {amount} par mois (entre {low} et {high}){final}.",
    measuring: ", mesure en cours",
    notMeasured: "Économie pas encore mesurée.",
    upkeep: "Heures d'entretien du mois",
    upkeepLine: "{pipeline} {hours} h (dont {volunteered} h bénévoles, valant {value})",
    open: "Optimisations encore ouvertes qui rapporteraient le plus\u00a0:",
    perMonth: "par mois",
    overrun: "Ce qui explique le dépassement du budget\u00a0:",
    overrunLine: "{service}, {usageType}, {cost} contre {previous} le mois précédent",
    fix: "L'optimisation qui en corrigerait le plus\u00a0: {action} ({amount} par mois).",
  },
  en: {
    heading: "What the team did",
    nothing: "No tuning marked done and no upkeep hours logged this month.",
    done: "{action} Done on {day} by {by}.",
    realised: "Realised saving: {amount} a month (between {low} and {high}){final}.",
    measuring: ", still measuring",
    notMeasured: "Saving not measured yet.",
    upkeep: "Upkeep hours this month",
    upkeepLine: "{pipeline} {hours} h ({volunteered} h volunteered, worth {value})",
    open: "Open tuning that would save the most:",
    perMonth: "a month",
    overrun: "What explains the budget overrun:",
    overrunLine: "{service} ({usageType}): {cost}, against {previous} the month before",
    fix: "The tuning that would fix most of it: {action} ({amount} a month).",
  },
};

/** After a French colon a sentence goes on in lower case ("… : supprimer la passerelle"). */
function midSentence(text: string, lang: Locale): string {
  return lang === "fr" && /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * Short on purpose: the report is one page. Nothing done and no upkeep is one sentence; upkeep is
 * one line per pipeline; over budget, the overrun's lines and its fix replace the open list.
 */
export function teamBlocks(team: TeamFacts, lang: Locale, currency: Currency, ratePerUsd: number | null): Block[] {
  const w = WORDS[lang];
  const money = (usd: number) => formatMoney(usd * (ratePerUsd ?? 1), currency, lang);
  // A finding's action in the report's language (its French text when it has one).
  const act = (f: { action: string; actionFr?: string | undefined }) =>
    lang === "fr" ? (f.actionFr ?? f.action) : f.action;
  const blocks: Block[] = [{ kind: "heading", text: w.heading }];
  const items: string[] = team.done.map((d) => {
    const saving =
      d.realisedUsd === null
        ? w.notMeasured
        : fill(w.realised, {
            amount: money(d.realisedUsd),
            low: money(d.lowUsd),
            high: money(d.highUsd),
            final: d.final ? "" : w.measuring,
          });
    return `${fill(w.done, { action: act(d), day: formatDay(d.doneOn, lang), by: d.by })} ${saving}`;
  });
  if (team.upkeep.length > 0) {
    items.push(
      `${w.upkeep} : ${team.upkeep
        .map((u) =>
          fill(w.upkeepLine, {
            pipeline: pipelineLabel(u.pipeline, lang),
            hours: formatNumber(u.hours, lang, 1),
            volunteered: formatNumber(u.volunteeredHours, lang, 1),
            value: money(u.valueUsd),
          }),
        )
        .join(" ; ")}.`.replace(" : ", lang === "fr" ? "\u00a0: " : ": "),
    );
  }
  const said: string[] = [];
  if (items.length === 0) said.push(w.nothing);
  else blocks.push({ kind: "list", items });
  if (team.overrun && team.overrun.lines.length > 0) {
    const lines = team.overrun.lines.slice(0, 2).map((l) =>
      fill(w.overrunLine, {
        service: plainService(l.service, lang),
        usageType: l.usageType,
        cost: money(l.costUsd),
        previous: money(l.previousUsd),
      }),
    );
    const fix = team.overrun.fix
      ? ` ${fill(w.fix, { action: midSentence(act(team.overrun.fix).replace(/\.$/, ""), lang), amount: money(team.overrun.fix.savingUsd) })}`
      : "";
    said.push(`${w.overrun} ${lines.join(" ; ")}.${fix}`);
  } else if (team.openTop.length > 0) {
    said.push(
      `${w.open} ${team.openTop
        .slice(0, 2)
        .map((o) => `${act(o).replace(/\.$/, "")} (${money(o.savingUsd)} ${w.perMonth}).`)
        .join(" ")}`,
    );
  }
  if (said.length > 0) blocks.push({ kind: "paragraph", text: said.join(" ") });
  return blocks;
}
