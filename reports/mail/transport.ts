/**
 * What every way of sending mail offers: one message in, the transport's message id out. Alerts
 * and reports build messages (pure) and hand them to whichever transport the configuration chose.
 */

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
  /** For images shown inline in the HTML (`<img src="cid:...">`). */
  cid?: string;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  /**
   * A stable key for this message (e.g. `cairn.alert.12`): every attempt, a retry after a crash
   * included, carries the same Message-ID built from it, so a receiver can recognise a repeat.
   */
  messageKey?: string;
}

/** `<key@domain-of-the-sender>`: the same key always gives the same Message-ID. */
export function messageIdFor(messageKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "cairn.localhost";
  return `<${messageKey.replace(/[^\w.-]/g, "-")}@${domain}>`;
}

export interface MailTransport {
  /** `smtp`, `ses`, `webhook`: shown in summaries. */
  name: string;
  send: (message: MailMessage) => Promise<{ id: string }>;
}

/** A delivery that did not happen; the message says why, in terms a user can act on. */
export class MailError extends Error {
  constructor(
    readonly transport: string,
    message: string,
  ) {
    super(`${transport}: ${message}`);
    this.name = "MailError";
  }
}
