/**
 * One tuning finding as a card: the action, the saving with its range and confidence, the exact
 * command, the evidence (sentences and the cost lines, each linked to the explorer filtered on
 * its usage type, account and days) and the assumptions. `children` carries the finding's state
 * and, for admins, the forms that change it.
 */

import type { Child } from "hono/jsx";
import { findingTexts } from "../../src/analysis/advice/fr";
import type { CompleteFinding } from "../../src/analysis/advice/index";
import { addDays } from "../../src/days";
import { formatCo2e, formatDay } from "../../src/format/numbers";
import { moneyInSentence } from "../../src/format/sentence-money";
import type { Locale } from "../../src/model";
import { pick } from "../i18n";
import { AccountName, NamedAccountsIn } from "./account-name";
import { TUNING_WORDS } from "./tuning-words";

type Words = (typeof TUNING_WORDS)["en"];

export function explorerHref(l: { usageType: string; accountId: string; firstDay: string; lastDay: string }): string {
  const q = new URLSearchParams({
    from: l.firstDay,
    to: addDays(l.lastDay, 1),
    groupBy: "day",
    usageType: l.usageType,
    account: l.accountId,
  });
  return `/costs?${q.toString()}`;
}

export function FindingCard(props: {
  finding: CompleteFinding;
  index: number;
  /** A USD amount of the finding in the page's currency (./page-money.ts). */
  money: (usd: number, digits?: number) => string;
  locale: Locale;
  children?: Child;
}) {
  const { finding: f, locale, money } = props;
  const w = pick(TUNING_WORDS, locale);
  const r = f.savingRange;
  const texts = findingTexts(f, locale);
  return (
    <article class="finding" id={`finding-${props.index + 1}`} data-kind={f.kind} data-finding-id={f.id}>
      <h2>
        {props.index + 1}. <NamedAccountsIn text={moneyInSentence(texts.action, money)} />
      </h2>
      <p class="muted">
        <code>{f.kind}</code> · <NamedAccountsIn text={f.resource} /> · {f.region} · {w.confidence}{" "}
        <strong class={`confidence-${f.confidence}`}>{w[`confidence_${f.confidence}` as keyof Words]}</strong>
      </p>
      <p class="finding-saving">
        {w.saves}: <strong>{money(f.monthlySavingUsd)}</strong> ({w.range} {money(r.lowUsd)} {w.and} {money(r.highUsd)})
        · <strong>{formatCo2e(f.monthlySavingCo2eGrams, locale)}</strong> ({w.range}{" "}
        {formatCo2e(r.lowCo2eGrams, locale)} {w.and} {formatCo2e(r.highCo2eGrams, locale)})
      </p>
      {props.children}
      {f.command ? (
        <>
          <h3>{w.howTo}</h3>
          <pre class="command">
            <code>{f.command}</code>
          </pre>
        </>
      ) : null}
      <h3>{w.evidence}</h3>
      <ul class="evidence">
        {texts.evidence.map((e) => (
          <li>{moneyInSentence(e, money)}</li>
        ))}
      </ul>
      {f.lines && f.lines.length > 0 ? (
        <>
          <h3>{w.lines}</h3>
          <ul class="evidence-lines">
            {f.lines.map((l) => (
              <li>
                <code>{l.usageType}</code> · <AccountName id={l.accountId} /> · {formatDay(l.firstDay, locale)} →{" "}
                {formatDay(l.lastDay, locale)} ({l.days} {w.daysBilled}) · <a href={explorerHref(l)}>{w.explore}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{w.assumptions}</h3>
      <ul class="assumptions">
        {texts.assumptions.map((a) => (
          <li>{moneyInSentence(a, money)}</li>
        ))}
      </ul>
    </article>
  );
}
