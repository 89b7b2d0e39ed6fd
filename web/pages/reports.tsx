/**
 * `GET /reports`: the archive of reports sent. `GET /reports/:id` shows a report exactly as it
 * was mailed (its archived HTML, charts inline), `/reports/:id/pdf` its PDF and
 * `/reports/:id/text` its text part.
 */

import { Hono } from "hono";
import { formatInstant, formatReportPeriod } from "../../src/format/instant";
import type { Locale } from "../../src/model";
import { holdsDemoData } from "../../src/store/read/demo-data";
import { getReport, listReports, type ReportSummaryRow } from "../../src/store/reports";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { pick, type Translate, translator } from "../i18n";
import { Layout } from "./layout";
import { REPORTS_WORDS } from "./reports-words";

/** What the archived HTML may load: its own inline styles and data-URI images, nothing else. */
export const ARCHIVED_REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

export function ReportsPage(props: { reports: ReportSummaryRow[]; demo?: boolean; locale: Locale; t: Translate }) {
  const { locale, t } = props;
  const w = pick(REPORTS_WORDS, locale);
  return (
    <Layout title={w.title} path="/reports" locale={locale} t={t}>
      <h1>{w.title}</h1>
      <p class="muted">{w.intro}</p>
      {props.demo ? (
        <p class="notice" id="demo-note">
          {w.demoNote}
        </p>
      ) : null}
      <p>
        <a href="/reports/preview" id="report-preview">
          {w.preview}
        </a>
      </p>
      {props.reports.length === 0 ? (
        <p id="reports-empty">{w.empty}</p>
      ) : (
        // Scrolls sideways on a phone, its first column kept (like every other table).
        <div class="table-scroll">
          <table class="data" id="reports">
            <thead>
              <tr>
                <th scope="col">{w.kind}</th>
                <th scope="col">{w.period}</th>
                <th scope="col">{w.lang}</th>
                <th scope="col">{w.subject}</th>
                <th scope="col">{w.status}</th>
                <th scope="col">{w.sentAt}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {props.reports.map((r) => (
                <tr>
                  <td>{r.kind === "monthly" ? w.monthly : w.weekly}</td>
                  <td>{formatReportPeriod(r.period, locale)}</td>
                  <td>{r.lang}</td>
                  <td>
                    <a href={`/reports/${r.id}`}>{r.subject}</a>
                  </td>
                  <td>{r.kind === "monthly" ? (r.provisional ? w.provisional : w.final) : ""}</td>
                  <td>{props.demo ? w.demoSent : r.sentAt ? formatInstant(r.sentAt, locale) : w.notSent}</td>
                  <td>
                    <a href={`/reports/${r.id}`}>{w.open}</a>
                    {r.hasPdf ? (
                      <>
                        {" · "}
                        <a href={`/reports/${r.id}/pdf`}>{w.pdf}</a>
                      </>
                    ) : null}
                    {" · "}
                    <a href={`/reports/${r.id}/text`}>{w.text}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function reportsRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  const w = pick(REPORTS_WORDS, locale);
  const byId = async (raw: string) => (/^\d+$/.test(raw) ? getReport(deps.store, Number(raw)) : null);

  app.get("/reports", async (c) =>
    renderPage(
      c,
      <ReportsPage
        reports={await listReports(deps.store)}
        demo={await holdsDemoData(deps.store)}
        locale={locale}
        t={t}
      />,
    ),
  );
  app.get("/reports/:id", async (c) => {
    const report = await byId(c.req.param("id"));
    if (!report) return c.text(w.notFound, 404);
    c.header("content-security-policy", ARCHIVED_REPORT_CSP);
    return c.html(report.html);
  });
  app.get("/reports/:id/pdf", async (c) => {
    const report = await byId(c.req.param("id"));
    if (!report?.pdf) return c.text(w.notFound, 404);
    c.header("content-type", "application/pdf");
    c.header("content-disposition", `inline; filename="cairn-${report.kind}-${report.period}-${report.lang}.pdf"`);
    return c.body(new Uint8Array(report.pdf));
  });
  app.get("/reports/:id/text", async (c) => {
    const report = await byId(c.req.param("id"));
    if (!report) return c.text(w.notFound, 404);
    return c.text(report.text);
  });
  return app;
}
