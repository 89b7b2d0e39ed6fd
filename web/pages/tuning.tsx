/**
 * `GET /tuning[?asOf=YYYY-MM-DD]`: the tuning findings (src/analysis/advice), each with its
 * evidence, assumptions and monthly saving in money and CO2e, largest first; then what was done
 * and what it saved, what is snoozed and what was dismissed. `POST /tuning/findings` (admins)
 * changes a finding's state through src/services/change-finding-state.ts; `POST /tuning/upkeep`
 * and `/tuning/upkeep/delete` add and remove upkeep. A refusal re-renders the page (400) with
 * what was typed and each error beside its field in the reader's language, as the budgets do.
 */

import { type Context, Hono } from "hono";
import { findingTexts } from "../../src/analysis/advice/fr";
import { WINDOW_DAYS } from "../../src/analysis/advice/types";
import { addDays, addMonths, firstDayOfMonth, isValidDay, monthOf, toDay } from "../../src/days";
import { formatCo2e, formatDay, formatNumber } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import { addUpkeep } from "../../src/services/add-upkeep";
import { changeFindingState } from "../../src/services/change-finding-state";
import { ServiceInputError } from "../../src/services/errors";
import { freezeRealisedSavings } from "../../src/services/freeze-realised-savings";
import { removeUpkeep } from "../../src/services/remove-upkeep";
import { ADVICE_HISTORY_DAYS } from "../../src/store/read/advice";
import { costOfOwnership, type OwnershipRow } from "../../src/store/read/cost-of-ownership";
import { type FindingBoard, loadFindingBoard } from "../../src/store/read/finding-board";
import { readDb } from "../../src/store/store";
import { listUpkeep, type StoredUpkeepEntry } from "../../src/store/upkeep";
import { requireAdmin } from "../auth/middleware";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { pick, type Translate, translator } from "../i18n";
import { NamedAccountsIn } from "./account-name";
import { FindingCard } from "./finding-card";
import { DoneTable, FINDING_FIELDS, FindingErrors, type FindingFormState, FindingForms } from "./finding-forms";
import { type FieldErrors, fieldErrors } from "./form-errors";
import { Layout } from "./layout";
import { MissingRatesNotice } from "./missing-rates-notice";
import { loadPageMoney, type PageMoney } from "./page-money";
import { TUNING_WORDS } from "./tuning-words";
import { type UpkeepFormState, UpkeepSection } from "./upkeep-section";

export interface TuningData extends FindingBoard {
  today: string;
  month: string;
  ownership: OwnershipRow[];
  upkeep: StoredUpkeepEntry[];
  /**
   * Amounts in the display currency. A finding's figures (its evidence, its monthly saving, the
   * saving realised once done) are converted at the rate of the month its window ends in; the
   * window's every month must have a rate, or the page stays in USD. Cost of ownership is `month`'s.
   */
  money: PageMoney;
  findingsMonth: string;
}

export async function loadTuning(deps: WebDeps, asOf: string): Promise<TuningData> {
  const today = toDay(deps.now());
  const db = readDb(deps.store);
  const month = monthOf(today);
  const period = { from: firstDayOfMonth(month), to: firstDayOfMonth(addMonths(month, 1)) };
  const [board, ownership, upkeep] = await Promise.all([
    loadFindingBoard(db, asOf, today),
    costOfOwnership(db, period, deps.config.CAIRN_UPKEEP_HOUR_VALUE),
    listUpkeep(db, period),
  ]);
  const findingsMonth = monthOf(addDays(asOf, -1));
  const money = await loadPageMoney(deps, [
    ...new Set([monthOf(addDays(asOf, -ADVICE_HISTORY_DAYS)), findingsMonth, month]),
  ]);
  return { ...board, today, month, ownership, upkeep, money, findingsMonth };
}

/** The page's refused form, if any, sent back with its values and errors. */
export interface TuningForms {
  finding?: FindingFormState;
  upkeep?: UpkeepFormState;
  upkeepRemoval?: FieldErrors;
}

export function TuningPage(props: { data: TuningData; locale: Locale; t: Translate; forms?: TuningForms }) {
  const { data, locale, t } = props;
  const forms = props.forms ?? {};
  const refusedCard = data.open.findIndex((e) => e.finding.id === forms.finding?.findingId);
  const findingFieldIds: Record<string, string> =
    refusedCard < 0 ? {} : Object.fromEntries(FINDING_FIELDS.map((f) => [f, `finding-${refusedCard + 1}-${f}`]));
  const w = pick(TUNING_WORDS, locale);
  const usd = data.open.reduce((s, e) => s + e.finding.monthlySavingUsd, 0);
  const co2e = data.open.reduce((s, e) => s + e.finding.monthlySavingCo2eGrams, 0);
  const realised = data.done.reduce((s, e) => s + (e.realised?.monthlyUsd ?? 0), 0);
  const from = addDays(data.asOf, -WINDOW_DAYS);
  const findingMoney = (usd: number, digits?: number) => data.money.format(usd, data.findingsMonth, digits);
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
          <div class="tile-value">{formatNumber(data.open.length, locale)}</div>
        </div>
        <div class="tile ok" id="tile-saving-usd">
          <div class="tile-label">{w.savingUsd}</div>
          <div class="tile-value">{findingMoney(usd)}</div>
        </div>
        <div class="tile ok" id="tile-saving-co2e">
          <div class="tile-label">{w.savingCo2e}</div>
          <div class="tile-value">{formatCo2e(co2e, locale)}</div>
        </div>
        <div class="tile ok" id="tile-realised">
          <div class="tile-label">{w.realisedTotal}</div>
          <div class="tile-value">{findingMoney(realised)}</div>
        </div>
      </section>
      <MissingRatesNotice months={data.money.converter.missingMonths} locale={locale} t={t} />
      {data.hasMetrics ? null : <p class="notice">{w.noMetrics}</p>}
      <h2 id="open-findings">{w.openTitle}</h2>
      <FindingErrors form={forms.finding} fieldIds={findingFieldIds} locale={locale} t={t} />
      {data.open.length === 0 ? <p class="notice">{w.none}</p> : null}
      {data.open.map((e, i) => (
        <FindingCard finding={e.finding} index={i} money={findingMoney} locale={locale}>
          <FindingForms
            findingId={e.finding.id}
            today={data.today}
            locale={locale}
            asOf={data.asOf}
            idPrefix={`finding-${i + 1}`}
            form={forms.finding}
          />
        </FindingCard>
      ))}
      <h2 id="done-title">{w.doneTitle}</h2>
      <DoneTable entries={data.done} today={data.today} money={findingMoney} locale={locale} />
      {data.snoozed.length > 0 ? (
        <>
          <h2>{w.snoozedTitle}</h2>
          <ul id="snoozed-findings">
            {data.snoozed.map((e) => (
              <li data-finding-id={e.finding.id}>
                <NamedAccountsIn text={findingTexts(e.finding, locale).action} /> ({w.until}{" "}
                {formatDay(e.state?.snoozedUntil ?? "", locale)}, {w.by} {e.state?.changedBy}){" "}
                <FindingForms findingId={e.finding.id} today={data.today} locale={locale} reopen />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.dismissed.length > 0 ? (
        <>
          <h2>{w.dismissedTitle}</h2>
          <ul id="dismissed-findings">
            {data.dismissed.map((e) => (
              <li data-finding-id={e.finding.id}>
                <NamedAccountsIn text={findingTexts(e.finding, locale).action} /> ({w.reason} {e.state?.reason}, {w.by}{" "}
                {e.state?.changedBy}){" "}
                <FindingForms findingId={e.finding.id} today={data.today} locale={locale} reopen />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <UpkeepSection
        month={data.month}
        today={data.today}
        ownership={data.ownership}
        entries={data.upkeep}
        pipelines={data.ownership.map((r) => r.pipeline).filter((p) => p !== "")}
        money={(usd) => data.money.format(usd, data.month)}
        locale={locale}
        t={t}
        form={forms.upkeep}
        removal={forms.upkeepRemoval}
      />
      <p class="muted">{w.kinds}</p>
      <p class="muted">{w.wasteKinds}</p>
    </Layout>
  );
}

/** The form's fields as typed (what comes back with the errors). */
async function formFields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string" && k !== "_csrf") fields[k] = v;
  return fields;
}

export function tuningRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  const page = async (c: Context, asOf: string | undefined, forms: TuningForms = {}, status: 200 | 400 = 200) => {
    const day = asOf && isValidDay(asOf) ? asOf : toDay(deps.now());
    return renderPage(c, <TuningPage data={await loadTuning(deps, day)} locale={locale} t={t} forms={forms} />, status);
  };
  /** Runs a service call; a refusal (its schema's or its rules') re-renders the page with `refused`. */
  const orRefused = async (call: () => Promise<unknown>, refused: (errors: FieldErrors) => Promise<Response>) => {
    try {
      await call();
      return null;
    } catch (error) {
      if (!(error instanceof ServiceInputError)) throw error;
      return refused(fieldErrors(error, locale));
    }
  };
  app.get("/tuning", (c) => page(c, c.req.query("asOf")));
  app.post("/tuning/findings", requireAdmin(), async (c) => {
    const fields = await formFields(c);
    const text = (name: string) => (fields[name] ? fields[name] : undefined);
    const findingId = fields.findingId ?? "";
    const action = fields.action ?? "";
    const refused = await orRefused(
      () =>
        changeFindingState(deps, {
          findingId,
          // The service's schema refuses an unknown action, in the reader's language.
          action: action as "done",
          until: text("until"),
          reason: text("reason"),
          doneOn: text("doneOn"),
          asOf: text("asOf"),
          actor: c.get("viewer").email,
        }),
      (errors) => page(c, fields.asOf, { finding: { findingId, action, values: fields, errors } }, 400),
    );
    if (refused) return refused;
    await freezeRealisedSavings(deps);
    return c.redirect("/tuning#done-title", 303);
  });
  app.post("/tuning/upkeep", requireAdmin(), async (c) => {
    const fields = await formFields(c);
    const text = (name: string) => fields[name] ?? "";
    const refused = await orRefused(
      () =>
        addUpkeep(deps, {
          day: text("day"),
          pipeline: text("pipeline"),
          resource: text("resource"),
          hours: text("hours") as unknown as number,
          person: text("person"),
          what: text("what"),
          volunteered: text("volunteered") === "yes",
          actor: c.get("viewer").email,
        }),
      (errors) => page(c, undefined, { upkeep: { values: fields, errors } }, 400),
    );
    return refused ?? c.redirect("/tuning#upkeep", 303);
  });
  app.post("/tuning/upkeep/delete", requireAdmin(), async (c) => {
    const fields = await formFields(c);
    const refused = await orRefused(
      () => removeUpkeep(deps, { id: (fields.id ?? "") as unknown as number, actor: c.get("viewer").email }),
      (errors) => page(c, undefined, { upkeepRemoval: errors }, 400),
    );
    return refused ?? c.redirect("/tuning#upkeep", 303);
  });
  return app;
}
