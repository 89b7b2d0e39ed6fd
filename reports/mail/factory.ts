/**
 * Chooses the mail transport from the configuration: CAIRN_MAIL_TRANSPORT=smtp|ses|none, or,
 * when unset, SMTP if CAIRN_SMTP_URL is set and none otherwise. Problems are named, never guessed
 * around. The SES client and the SMTP factory come from the composition root, so this file pulls
 * no nodemailer into a Workers bundle.
 */
import type { SESv2Client } from "@aws-sdk/client-sesv2";
import type { Config } from "../../src/config";
import { createSesTransport } from "./ses";
import type { SmtpOptions } from "./smtp";
import { MailError, type MailTransport } from "./transport";
import { createWebhookTransport, type WebhookTransport } from "./webhook";

export type MailConfig = Pick<
  Config,
  "CAIRN_MAIL_TRANSPORT" | "CAIRN_SMTP_URL" | "CAIRN_MAIL_FROM" | "CAIRN_WEBHOOK_URL"
> &
  Partial<Pick<Config, "CAIRN_SMTP_TIMEOUT_SECONDS">>;

export function mailTransportKind(config: MailConfig): "smtp" | "ses" | "none" {
  return config.CAIRN_MAIL_TRANSPORT ?? (config.CAIRN_SMTP_URL ? "smtp" : "none");
}

/** The configured transport, null for `none`; throws a MailError naming what is missing. */
export function createMailTransport(
  config: MailConfig,
  clients: { ses: () => SESv2Client; smtp: (options: SmtpOptions) => MailTransport },
): MailTransport | null {
  const kind = mailTransportKind(config);
  if (kind === "none") return null;
  const from = config.CAIRN_MAIL_FROM;
  if (!from) throw new MailError(kind, "CAIRN_MAIL_FROM is not set (the sender address)");
  if (kind === "smtp") {
    if (!config.CAIRN_SMTP_URL) throw new MailError("smtp", "CAIRN_SMTP_URL is not set (smtp://user:pass@host:587)");
    return clients.smtp({
      url: config.CAIRN_SMTP_URL,
      from,
      ...(config.CAIRN_SMTP_TIMEOUT_SECONDS ? { timeoutMs: config.CAIRN_SMTP_TIMEOUT_SECONDS * 1000 } : {}),
    });
  }
  return createSesTransport({ client: clients.ses(), from });
}

export function createWebhookFromConfig(config: MailConfig, fetchFn?: typeof fetch): WebhookTransport | null {
  return config.CAIRN_WEBHOOK_URL ? createWebhookTransport(config.CAIRN_WEBHOOK_URL, fetchFn) : null;
}
