/**
 * `GET /tuning[?asOf=YYYY-MM-DD]`: the tuning findings (src/analysis/advice), each with its
 * evidence, assumptions and monthly saving in money and CO2e, largest first.
 */
import { Hono } from "hono";
import { advise, type CompleteFinding } from "../../src/analysis/advice/index";
import { WINDOW_DAYS } from "../../src/analysis/advice/types";
import { addDays, isValidDay, toDay } from "../../src/days";
import { formatCo2e, formatDay, formatMoney, formatNumber } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import { loadAdviceInput } from "../../src/store/read/advice";
import { readDb } from "../../src/store/store";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { pick, type Translate, translator } from "../i18n";
import { FindingCard } from "./finding-card";
import { Layout } from "./layout";
import { TUNING_WORDS } from "./tuning-words";

export interface TuningData {
  asOf: string;
  findings: CompleteFinding[];
  hasMetrics: boolean;
}

export async function loadTuning(deps: WebDeps, asOf: string): Promise<TuningData> {
  const input = await loadAdviceInput(readDb(deps.store), asOf);
  return { asOf, findings: advise(input), hasMetrics: input.metrics.length > 0 };
}

export function TuningPage(props: { data: TuningData; locale: Locale; t: Translate }) {
  const { data, locale, t } = props;
  const w = pick(TUNING_WORDS, locale);
  const usd = data.findings.reduce((s, f) => s + f.monthlySavingUsd, 0);
  const co2e = data.findings.reduce((s, f) => s + f.monthlySavingCo2eGrams, 0);
  const from = addDays(data.asOf, -WINDOW_DAYS);
  return (
    <Layout title={w.title} path="/tuning" locale={locale} t={t}>
      <h1>{w.title}</h1>
      <p>{w.intro}</p>
      <form method="get" action="/tuning" class="inline-form">
        <label>
          {w.asOf} <input type="date" name="asOf" value={data.asOf} />
        </label>{" "}
        <button type="submit">{w.show}</button>
      </form>
      <section class="tiles" aria-label={w.findings}>
        <div class="tile">
          <div class="tile-label">{w.window}</div>
          <div class="tile-value">{formatDay(from, locale)}</div>
          <div class="tile-note">→ {formatDay(addDays(data.asOf, -1), locale)}</div>
        </div>
        <div class="tile" id="tile-findings">
          <div class="tile-label">{w.findings}</div>
          <div class="tile-value">{formatNumber(data.findings.length, locale)}</div>
        </div>
        <div class="tile ok" id="tile-saving-usd">
          <div class="tile-label">{w.savingUsd}</div>
          <div class="tile-value">{formatMoney(usd, "USD", locale)}</div>
        </div>
        <div class="tile ok" id="tile-saving-co2e">
          <div class="tile-label">{w.savingCo2e}</div>
          <div class="tile-value">{formatCo2e(co2e, locale)}</div>
        </div>
      </section>
      {data.hasMetrics ? null : <p class="notice">{w.noMetrics}</p>}
      {data.findings.length === 0 ? <p class="notice">{w.none}</p> : null}
      {data.findings.map((f, i) => (
        <FindingCard finding={f} index={i} locale={locale} />
      ))}
      <p class="muted">{w.kinds}</p>
      <p class="muted">{w.wasteKinds}</p>
    </Layout>
  );
}

export function tuningRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  app.get("/tuning", async (c) => {
    const asked = c.req.query("asOf");
    const asOf = asked && isValidDay(asked) ? asked : toDay(deps.now());
    return renderPage(c, <TuningPage data={await loadTuning(deps, asOf)} locale={locale} t={t} />);
  });
  return app;
}
