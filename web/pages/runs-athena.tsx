/** The data health page's Athena tile: this month's queries, bytes scanned and their cost, beside Cost Explorer's requests. */
import { formatMoney, formatNumber } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import { pick } from "../i18n";

export interface AthenaUsage {
  queries: number;
  bytes: number;
  costUsd: number;
  /** CAIRN_ATHENA_MAX_USD. */
  capUsd: number;
}

const WORDS = {
  en: { title: "Athena queries this month", scanned: "scanned", cap: "monthly cap" },
  fr: { title: "Requêtes Athena ce mois-ci", scanned: "lus", cap: "plafond mensuel" },
};

export function AthenaTile(props: { usage: AthenaUsage | null; locale: Locale }) {
  const u = props.usage;
  if (!u) return null;
  const w = pick(WORDS, props.locale);
  const colon = props.locale === "fr" ? "\u00a0: " : ": ";
  return (
    <div class={`tile ${u.costUsd > u.capUsd * 0.8 ? "warn" : ""}`} id="tile-athena">
      <div class="tile-label">{w.title}</div>
      <div class="tile-value">{formatNumber(u.queries, props.locale)}</div>
      <div class="tile-note">
        {formatNumber(u.bytes / 1024 / 1024, props.locale, 1)} {props.locale === "fr" ? "Mo" : "MB"} {w.scanned} ·{" "}
        {formatMoney(u.costUsd, "USD", props.locale, 4)} · {w.cap}
        {colon}
        {formatMoney(u.capUsd, "USD", props.locale)}
      </div>
    </div>
  );
}
