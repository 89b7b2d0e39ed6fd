/**
 * What the demo's story would have sent, written by the real jobs over the demo data when the
 * demo is loaded: the last weekly and monthly reports (archived as the report job archives
 * them) and the alerts the rules raise on it (the budget at 109 %, the Lambda loop incident...),
 * so the Reports and Alerts pages of the demo are not empty. Nothing leaves the machine: the
 * messages go to the demo's outbox, which accepts them and delivers them nowhere, addressed to
 * a reserved `.invalid` domain; the pages say so on a demo database.
 */
import type { MailTransport } from "../../reports/mail/transport";
import type { ReportRenderers } from "../../reports/render/renderers";
import type { Config } from "../config";
import { addDays, addMonths, firstDayOfMonth, monthOf, toDay } from "../days";
import type { Day } from "../model";
import type { Store } from "../store/store";
import { alertsArgsFromConfig, runAlerts } from "./alerts";
import { reportArgsFromConfig, runReport } from "./report";

/** The demo's recipients: RFC 2606 reserves `.invalid`, so no mail system would accept them. */
export const DEMO_RECIPIENT = "direction@demo.cairn.invalid";

/** The demo's outbox: messages are accepted and go nowhere (the demo has no mail to send). */
export const demoOutbox: MailTransport = {
  name: "demo outbox",
  send: async (message) => ({ id: `demo-${message.messageKey ?? message.subject}` }),
};

/**
 * The alert job is replayed day by day from the first day of the previous month (a whole month
 * of budget alerts, and the current one so far), as the scheduler runs it after each daily
 * collection.
 */
export function storyRunDays(today: Day): Day[] {
  const days: Day[] = [];
  for (let day = firstDayOfMonth(addMonths(monthOf(today), -1)); day <= today; day = addDays(day, 1)) days.push(day);
  return days;
}

export interface DemoStoryDeps {
  store: Store;
  now: () => Date;
  renderers: ReportRenderers;
}

export interface DemoStorySummary {
  reports: string[];
  alerts: number;
}

export async function writeDemoStory(deps: DemoStoryDeps, config: Config): Promise<DemoStorySummary> {
  const reports: string[] = [];
  for (const kind of ["weekly", "monthly"] as const) {
    const summary = await runReport(
      { store: deps.store, now: deps.now, mail: demoOutbox, renderers: deps.renderers },
      { ...reportArgsFromConfig(config, kind, true), to: [DEMO_RECIPIENT] },
    );
    reports.push(`${kind} ${summary.period}`);
  }
  // Each alert is recorded by the run that first saw it. Each run sees the data up to the day
  // before it (what AWS had then), so a budget's 50 % alert says what was spent on the day it was
  // crossed, not the month's final figure.
  let alerts = 0;
  const now = deps.now();
  const timeOfDay = now.getTime() - Date.parse(`${toDay(now)}T00:00:00Z`);
  for (const day of storyRunDays(toDay(now))) {
    const at = new Date(Date.parse(`${day}T00:00:00Z`) + timeOfDay);
    const summary = await runAlerts(
      { store: deps.store, now: () => at, mail: demoOutbox, webhook: null },
      // The demo collects nothing, so no source is watched for staleness.
      { ...alertsArgsFromConfig(config, true), alertTo: [DEMO_RECIPIENT], sources: [], dataUpTo: addDays(day, -1) },
    );
    alerts += summary.sent;
  }
  return { reports, alerts };
}
