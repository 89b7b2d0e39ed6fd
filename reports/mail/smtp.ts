/** SMTP through nodemailer (CAIRN_SMTP_URL, smtp:// or smtps://). Node only. */
import type Nodemailer from "nodemailer";
import { lazyPackage } from "../../src/lazy-package";
import { MailError, type MailMessage, type MailTransport, messageIdFor } from "./transport";

export interface SmtpOptions {
  url: string;
  from: string;
  /** Connection, greeting and idle-socket timeout (CAIRN_SMTP_TIMEOUT_SECONDS). */
  timeoutMs?: number;
}

// Loaded when an SMTP transport is made (src/lazy-package.ts).
const nodemailer = lazyPackage<typeof Nodemailer>("nodemailer");

export const DEFAULT_SMTP_TIMEOUT_MS = 20_000;

/**
 * nodemailer's transport options: the timeouts must sit here, in the first argument of
 * `createTransport`. (In the second argument, the message defaults, they do nothing, and a
 * stalled server held a run for ten minutes per message.)
 */
export function smtpTransportOptions(options: SmtpOptions) {
  const timeout = options.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;
  return { url: options.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout };
}

export function createSmtpTransport(options: SmtpOptions): MailTransport {
  // Short timeouts: a server that is down or stalls must not hold a job; the message stays
  // queued and the next run retries it.
  const transporter = nodemailer().createTransport(smtpTransportOptions(options) as never);
  return {
    name: "smtp",
    async send(message: MailMessage) {
      const messageId = message.messageKey ? messageIdFor(message.messageKey, options.from) : undefined;
      try {
        const info = await transporter.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(messageId ? { messageId } : {}),
          attachments: (message.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.content),
            ...(a.cid ? { cid: a.cid } : {}),
          })),
        });
        return { id: String(info.messageId ?? "") };
      } catch (error) {
        throw new MailError("smtp", (error as Error).message);
      }
    },
  };
}
