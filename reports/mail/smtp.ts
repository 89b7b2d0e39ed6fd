/** SMTP through nodemailer (CAIRN_SMTP_URL, smtp:// or smtps://). Node only. */
import nodemailer from "nodemailer";
import { MailError, type MailMessage, type MailTransport } from "./transport";

export interface SmtpOptions {
  url: string;
  from: string;
}

export function createSmtpTransport(options: SmtpOptions): MailTransport {
  // Short timeouts: a server that is down must not hold a scheduled job for minutes; the
  // message stays queued and the next run retries.
  const transporter = nodemailer.createTransport(options.url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    name: "smtp",
    async send(message: MailMessage) {
      try {
        const info = await transporter.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
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
