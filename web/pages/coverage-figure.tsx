/**
 * The carbon coverage as ONE figure (the share of the cost estimated physically) with the
 * detail (proxy, excluded, not yet estimated, share of the cost not excluded) in a tooltip that
 * opens on hover and on keyboard focus. Two percentages side by side (of all the cost, of the
 * cost not excluded) read as a contradiction; the overview, the carbon page and the explorer
 * all show this one.
 */

import { formatPercent } from "../../src/format/numbers";
import type { CarbonCoverage, Locale } from "../../src/model";
import { pick } from "../i18n";
import { CARBON_WORDS } from "./carbon-words";

/** "88 % physical estimate · 2 % cost-ratio proxy · 10 % excluded (tax, fees, credits) · 97 % of the cost not excluded is estimated physically". */
export function coverageDetail(c: CarbonCoverage, locale: Locale): string {
  const w = pick(CARBON_WORDS, locale);
  const parts = [
    `${formatPercent(c.physicalShare, locale)} ${w.physical}`,
    `${formatPercent(c.proxyShare, locale)} ${w.proxy}`,
    `${formatPercent(c.excludedShare, locale)} ${w.excluded}`,
  ];
  if (c.unestimatedCostUsd > 0) parts.push(`${formatPercent(c.unestimatedShare, locale)} ${w.unestimated}`);
  parts.push(`${formatPercent(c.physicalShareOfIncluded, locale)} ${w.ofIncluded}`);
  return parts.join(" · ");
}

export function CoverageFigure(props: { id: string; coverage: CarbonCoverage; locale: Locale }) {
  const w = pick(CARBON_WORDS, props.locale);
  const tipId = `${props.id}-detail`;
  return (
    <span class="coverage" id={props.id}>
      <span class="coverage-figure">
        {formatPercent(props.coverage.physicalShare, props.locale)} {w.tileNote}
      </span>{" "}
      <span class="tip">
        <button type="button" class="tip-button" aria-label={w.coverageDetail} aria-describedby={tipId}>
          i
        </button>
        <span role="tooltip" id={tipId} class="tip-text">
          {coverageDetail(props.coverage, props.locale)}
        </span>
      </span>
    </span>
  );
}
