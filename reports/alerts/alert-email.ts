/**
 * One alert as an email (subject, plain text, HTML, link) and as a webhook message, in French or
 * English. Pure: the job stores the result in the outbox before any transport sees it.
 */
import type { Alert } from "../../src/analysis/alert-rules/alert";
import { budgetEmail } from "./budget-email";
import { type BuiltEmail, type EmailContext, fmt } from "./context";
import { renderHtml, renderText } from "./html";
import { incidentEmail } from "./incident-email";
import { anomalyEmail, newServiceEmail, requestCapEmail, staleEmail } from "./system-email";

export type { EmailContext } from "./context";

export interface AlertEmail {
  subject: string;
  text: string;
  html: string;
  link: string;
  /** Slack/Mattermost-readable text for the webhook. */
  webhookText: string;
}

function built(alert: Alert, ctx: EmailContext): BuiltEmail {
  const x = fmt(ctx);
  const { facts } = alert;
  switch (facts.rule) {
    case "budget-threshold":
    case "budget-forecast":
      return budgetEmail(alert, facts.data, x);
    case "anomaly":
      return anomalyEmail(alert, facts.data, x);
    case "incident":
      return incidentEmail(alert, facts.data, x);
    case "new-service":
      return newServiceEmail(alert, facts.data, x);
    case "stale-data":
      return staleEmail(alert, facts.data, x, ctx.locale);
    case "request-cap":
      return requestCapEmail(alert, facts.data, x, ctx.locale);
  }
}

export function buildAlertEmail(alert: Alert, ctx: EmailContext): AlertEmail {
  const { subject, block } = built(alert, ctx);
  const figures = block.figures.map(([label, value]) => `${label}: ${value}`).join(" · ");
  return {
    subject,
    text: renderText(block),
    html: renderHtml(block, ctx.locale),
    link: block.link.href,
    // A bare URL on its own line: Slack and Mattermost both turn it into a link.
    webhookText: `${subject}\n${figures}\n${block.link.href}`,
  };
}
