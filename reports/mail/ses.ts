/**
 * Amazon SES v2 over HTTPS (SendEmail with Simple content): no SMTP socket and no nodemailer,
 * so it also runs on Workers. The client is built by the composition root, the AWS way (the
 * default credential chain, AWS_REGION, AWS_ENDPOINT_URL_SES).
 */
import { type SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { MailError, type MailMessage, type MailTransport, messageIdFor } from "./transport";

export interface SesOptions {
  client: SESv2Client;
  from: string;
  /** SES configuration set for sending events, if any. */
  configurationSet?: string;
}

export function sesSendEmailInput(message: MailMessage, from: string, configurationSet?: string) {
  const charset = "UTF-8";
  return {
    FromEmailAddress: from,
    Destination: { ToAddresses: message.to },
    ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
    Content: {
      Simple: {
        Subject: { Data: message.subject, Charset: charset },
        Body: { Text: { Data: message.text, Charset: charset }, Html: { Data: message.html, Charset: charset } },
        ...(message.messageKey
          ? { Headers: [{ Name: "X-Cairn-Message-Id", Value: messageIdFor(message.messageKey, from) }] }
          : {}),
        ...(message.attachments && message.attachments.length > 0
          ? {
              Attachments: message.attachments.map((a) => ({
                FileName: a.filename,
                ContentType: a.contentType,
                RawContent: a.content,
                ...(a.cid ? { ContentId: a.cid, ContentDisposition: "INLINE" as const } : {}),
              })),
            }
          : {}),
      },
    },
  };
}

export function createSesTransport(options: SesOptions): MailTransport {
  return {
    name: "ses",
    async send(message: MailMessage) {
      try {
        const out = await options.client.send(
          new SendEmailCommand(sesSendEmailInput(message, options.from, options.configurationSet)),
        );
        return { id: out.MessageId ?? "" };
      } catch (error) {
        const e = error as Error & { name?: string };
        throw new MailError("ses", `${e.name ?? "Error"}: ${e.message}`);
      }
    },
  };
}
