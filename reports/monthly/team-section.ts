/**
 * The monthly report's "Ce que l'équipe a fait" / "What the team did" section: findings done and
 * their realised savings, upkeep hours by pipeline, the open findings worth most and, when the
 * month is over budget, the lines that explain the overrun and the finding that would fix most
 * of it. Pure; amounts arrive in USD and are shown in the report's currency.
 */
import { formatDay, formatMoney, formatNumber } from "../../src/format/numbers";
import type { Currency, Locale } from "../../src/model";
import { pipelineLabel, plainService } from "../plain-names";
import type { Block } from "../render/document";
import type { TeamFacts } from "./team-facts";

const WORDS = {
  fr: {
    heading: "Ce que l'équipe a fait",
    noneDone: "Aucune optimisation n'a été marquée faite.",
    done: "{action} Fait le {day} par {by}.",
    realised: "Économie réalisée : {amount} par mois (entre {low} et {high}){final}.",
    measuring: ", mesure en cours",
    notMeasured: "Économie pas encore mesurée.",
    upkeep: "Heures d'entretien du mois",
    upkeepColumns: ["Chaîne de traitement", "Heures", "dont bénévoles", "Valeur"],
    noUpkeep: "Aucune heure d'entretien n'a été consignée ce mois-ci.",
    open: "Optimisations encore ouvertes qui rapporteraient le plus :",
    perMonth: "par mois",
    overrun: "Ce qui explique le dépassement du budget :",
    overrunLine: "{service} ({usageType}) : {cost}, contre {previous} le mois précédent",
    fix: "L'optimisation qui en corrigerait le plus : {action} ({amount} par mois).",
  },
  en: {
    heading: "What the team did",
    noneDone: "No tuning was marked done.",
    done: "{action} Done on {day} by {by}.",
    realised: "Realised saving: {amount} a month (between {low} and {high}){final}.",
    measuring: ", still measuring",
    notMeasured: "Saving not measured yet.",
    upkeep: "Upkeep hours this month",
    upkeepColumns: ["Pipeline", "Hours", "of which volunteered", "Value"],
    noUpkeep: "No upkeep hours were logged this month.",
    open: "Open tuning that would save the most:",
    perMonth: "a month",
    overrun: "What explains the budget overrun:",
    overrunLine: "{service} ({usageType}): {cost}, against {previous} the month before",
    fix: "The tuning that would fix most of it: {action} ({amount} a month).",
  },
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

export function teamBlocks(team: TeamFacts, lang: Locale, currency: Currency, ratePerUsd: number | null): Block[] {
  const w = WORDS[lang];
  const money = (usd: number) => formatMoney(usd * (ratePerUsd ?? 1), currency, lang);
  const blocks: Block[] = [{ kind: "heading", text: w.heading }];
  if (team.done.length === 0) blocks.push({ kind: "paragraph", text: w.noneDone });
  else
    blocks.push({
      kind: "list",
      items: team.done.map((d) => {
        const saving =
          d.realisedUsd === null
            ? w.notMeasured
            : fill(w.realised, {
                amount: money(d.realisedUsd),
                low: money(d.lowUsd),
                high: money(d.highUsd),
                final: d.final ? "" : w.measuring,
              });
        return `${fill(w.done, { action: d.action, day: formatDay(d.doneOn, lang), by: d.by })} ${saving}`;
      }),
    });
  blocks.push({ kind: "paragraph", text: w.upkeep });
  if (team.upkeep.length === 0) blocks.push({ kind: "paragraph", text: w.noUpkeep });
  else
    blocks.push({
      kind: "table",
      columns: w.upkeepColumns,
      rows: team.upkeep.map((u) => [
        pipelineLabel(u.pipeline, lang),
        formatNumber(u.hours, lang, 1),
        formatNumber(u.volunteeredHours, lang, 1),
        money(u.valueUsd),
      ]),
      align: ["left", "right", "right", "right"],
    });
  if (team.openTop.length > 0) {
    blocks.push({ kind: "paragraph", text: w.open });
    blocks.push({ kind: "list", items: team.openTop.map((o) => `${o.action} (${money(o.savingUsd)} ${w.perMonth})`) });
  }
  if (team.overrun) {
    blocks.push({ kind: "paragraph", text: w.overrun });
    blocks.push({
      kind: "list",
      items: team.overrun.lines.map((l) =>
        fill(w.overrunLine, {
          service: plainService(l.service, lang),
          usageType: l.usageType,
          cost: money(l.costUsd),
          previous: money(l.previousUsd),
        }),
      ),
    });
    if (team.overrun.fix) {
      blocks.push({
        kind: "paragraph",
        text: fill(w.fix, { action: team.overrun.fix.action, amount: money(team.overrun.fix.savingUsd) }),
      });
    }
  }
  return blocks;
}
