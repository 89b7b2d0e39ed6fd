/**
 * Reading a password for `cairn user add`: from a terminal without echo, or the whole of
 * standard input with --password-stdin (for scripts: `printf '%s' "$PW" | cairn user add ...`).
 */
import { CliFailure } from "./command";

/** All of stdin, without one trailing newline. */
export async function readAllStdin(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Asks on the terminal with echo off; Ctrl-C aborts. */
export function promptHidden(prompt: string, stdin: NodeJS.ReadStream, out: NodeJS.WriteStream): Promise<string> {
  if (!stdin.isTTY) {
    return Promise.reject(new CliFailure("no terminal to ask for the password on: pass it with --password-stdin"));
  }
  return new Promise((resolve, reject) => {
    let value = "";
    out.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (error: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      out.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: string) => {
      for (const ch of data) {
        if (ch === "\r" || ch === "\n") return done(null);
        if (ch === "\u0003") return done(new CliFailure("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else if (ch >= " ") value += ch;
      }
    };
    stdin.on("data", onData);
  });
}
