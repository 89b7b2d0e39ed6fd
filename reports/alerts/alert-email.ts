/**
 * One alert as an email (subject, plain text, HTML, link) and as a webhook message, in French or
 * English. Pure: the job stores the result in the outbox before any transport sees it.
 */
import type { Alert } from "../../src/analysis/alert-rules/alert";
import { pageText } from "../../src/format/typography";
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

/**
 * Every sentence of the email as page text (src/format/typography.ts): commands written with
 * backticks in quotes, and French typography in French; links untouched.
 */
function typeset(email: BuiltEmail, locale: EmailContext["locale"]): BuiltEmail {
  const t = (text: string) => pageText(text, locale);
  const { block } = email;
  return {
    subject: t(email.subject),
    block: {
      ...block,
      heading: t(block.heading),
      intro: t(block.intro),
      figures: block.figures.map(([label, value]) => [t(label), t(value)]),
      ...(block.note !== undefined ? { note: t(block.note) } : {}),
      link: { ...block.link, label: t(block.link.label) },
      ...(block.extraLink ? { extraLink: { ...block.extraLink, label: t(block.extraLink.label) } } : {}),
      footer: t(block.footer),
    },
  };
}

export function buildAlertEmail(alert: Alert, ctx: EmailContext): AlertEmail {
  const { subject, block } = typeset(built(alert, ctx), ctx.locale);
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
