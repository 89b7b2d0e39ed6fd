/** A real SMTP server on 127.0.0.1 (smtp-server) that parses what it receives (mailparser). */
import { createServer } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  port: number;
  messages: ParsedMail[];
  /** Every message whose DATA arrived, accepted or still held. */
  received: ParsedMail[];
  /** With `hold`: messages whose DATA arrived and wait for `release` before the server answers. */
  held: () => number;
  /** Answers every held message (accepted); later ones are answered at once. */
  release: () => void;
  close: () => Promise<void>;
}

export interface SmtpOptions {
  /** Stall after the DATA of each message (a slow or hung server) until `release()`. */
  hold?: boolean;
}

/** A port nothing listens on (yet): a mail server that is down. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export async function startSmtp(port = 0, messages: ParsedMail[] = [], options: SmtpOptions = {}): Promise<TestSmtp> {
  let holding = options.hold === true;
  const waiting: (() => void)[] = [];
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    // The package's built-in certificate has expired: plain SMTP on the loopback.
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream, { skipImageLinks: true })
        .then((mail) => {
          received.push(mail);
          const accept = () => {
            messages.push(mail);
            callback();
          };
          if (holding) waiting.push(accept);
          else accept();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    messages,
    received,
    held: () => waiting.length,
    release: () => {
      holding = false;
      for (const accept of waiting.splice(0)) accept();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A "mail server" that accepts connections and never says a word (no greeting): what a hung
 * server looks like to a client. Counts the connections it received.
 */
export async function startSilentSmtp(): Promise<{
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}> {
  const sockets = new Set<import("node:net").Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Waits (polling, no timing assertion) until `condition` holds; throws after `limitMs`. */
export async function until(condition: () => boolean | Promise<boolean>, limitMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > limitMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
