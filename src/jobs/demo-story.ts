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

/** How many days back the alert job is replayed (a multiple of its seven-day lookback). */
const STORY_DAYS = 63;

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
  // The alert job replayed once a week over the story's last nine weeks (its lookback is seven
  // days, so no spike falls between two runs): each alert is recorded by the run that first
  // saw it. Budgets are judged on the month's figures as the database holds them.
  let alerts = 0;
  const today = deps.now();
  for (let back = STORY_DAYS; back >= 0; back -= 7) {
    const at = new Date(today.getTime() - back * 86_400_000);
    const summary = await runAlerts(
      { store: deps.store, now: () => at, mail: demoOutbox, webhook: null },
      // The demo collects nothing, so no source is watched for staleness.
      { ...alertsArgsFromConfig(config, true), alertTo: [DEMO_RECIPIENT], sources: [] },
    );
    alerts += summary.sent;
  }
  return { reports, alerts };
}
