/**
 * The data health page's Athena tile, beside Cost Explorer's requests: this month's queries, the
 * bytes they scanned and what they cost (display currency), against CAIRN_ATHENA_MAX_USD. Shown
 * when Athena is configured or has been queried this month.
 */
import { formatNumber } from "../../src/format/numbers";
import { colonFor } from "../../src/format/typography";
import { monthSpending } from "../../src/jobs/athena-session";
import { athenaConfigured, costExplorerCollects } from "../../src/jobs/scheduled-athena";
import type { Locale } from "../../src/model";
import type { WebDeps } from "../deps";
import { pick } from "../i18n";
import type { PageMoney } from "./page-money";
import { RUNS_ATHENA_WORDS } from "./runs-athena-words";

export interface AthenaUsage {
  queries: number;
  bytes: number;
  costUsd: number;
  /** CAIRN_ATHENA_MAX_USD. */
  capUsd: number;
  /** Whether Athena collects the costs (configured), and Cost Explorer beside it (CAIRN_CE_WITH_ATHENA). */
  collects: boolean;
  costExplorerToo: boolean;
}

export async function loadAthenaUsage(deps: WebDeps): Promise<AthenaUsage | null> {
  const spent = await monthSpending(deps.store, deps.now());
  if (!athenaConfigured(deps.config) && spent.queries === 0) return null;
  return {
    ...spent,
    capUsd: deps.config.CAIRN_ATHENA_MAX_USD,
    collects: athenaConfigured(deps.config),
    costExplorerToo: athenaConfigured(deps.config) && costExplorerCollects(deps.config),
  };
}

export function AthenaTile(props: { usage: AthenaUsage | null; money: PageMoney; month: string; locale: Locale }) {
  const u = props.usage;
  if (!u) return null;
  const w = pick(RUNS_ATHENA_WORDS, props.locale);
  const near = u.capUsd > 0 ? u.costUsd >= u.capUsd * 0.8 : u.costUsd > 0;
  return (
    <div class={`tile ${near ? "warn" : ""}`} id="tile-athena">
      <div class="tile-label">{w.title}</div>
      <div class="tile-value">{formatNumber(u.queries, props.locale)}</div>
      <div class="tile-note">
        {formatNumber(u.bytes / 1024 / 1024, props.locale, 1)} {w.megabytes} {w.scanned} · {w.cost}
        {colonFor(props.locale)}
        {props.money.format(u.costUsd, props.month, u.costUsd > 0 && u.costUsd < 0.01 ? 6 : 2)} · {w.cap}
        {colonFor(props.locale)}
        {props.money.format(u.capUsd, props.month)}. {w.note}
      </div>
      {u.collects ? (
        <div class="tile-note" id="athena-ce-rule">
          {u.costExplorerToo ? w.ceBoth : w.ceOff}
        </div>
      ) : null}
    </div>
  );
}
