/**
 * An optional webhook (CAIRN_WEBHOOK_URL): a JSON POST whose `text` field Slack and Mattermost
 * incoming webhooks show as is; the other fields are for anything else listening. Uses the
 * runtime's fetch (Node and Workers alike).
 */
import { redactSecrets, urlSecrets } from "./redact";
import { MailError } from "./transport";

export interface WebhookMessage {
  /** A few lines of plain text, with the link: what Slack/Mattermost display. */
  text: string;
  subject: string;
  key: string;
  rule: string;
  severity: string;
  link: string;
}

export interface WebhookTransport {
  name: "webhook";
  post: (message: WebhookMessage) => Promise<{ id: string }>;
}

export function createWebhookTransport(url: string, fetchFn: typeof fetch = fetch): WebhookTransport {
  // Errors are stored and shown on the Alerts page: never with the URL's secret parts.
  const secrets = urlSecrets(url);
  const safe = (text: string) => redactSecrets(text, secrets);
  return {
    name: "webhook",
    async post(message) {
      let response: Response;
      try {
        response = await fetchFn(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        const cause = (error as Error & { cause?: unknown }).cause;
        const detail = cause instanceof Error ? ` (${cause.message})` : "";
        throw new MailError("webhook", safe(`POST failed: ${(error as Error).message}${detail}`));
      }
      const body = await response.text();
      if (!response.ok) throw new MailError("webhook", safe(`HTTP ${response.status}: ${body.slice(0, 200)}`));
      return { id: `${response.status}` };
    },
  };
}
