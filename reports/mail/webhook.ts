/**
 * An optional webhook (CAIRN_WEBHOOK_URL): a JSON POST whose `text` field Slack and Mattermost
 * incoming webhooks show as is; the other fields are for anything else listening. Uses the
 * runtime's fetch (Node and Workers alike).
 */
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
        throw new MailError("webhook", `POST failed: ${(error as Error).message}`);
      }
      const body = await response.text();
      if (!response.ok) throw new MailError("webhook", `HTTP ${response.status}: ${body.slice(0, 200)}`);
      return { id: `${response.status}` };
    },
  };
}
