/**
 * A package loaded on first use instead of when the program starts. Most `cairn` commands
 * (import, collect, budget...) never draw a chart, write a PDF or speak SMTP, and those
 * packages cost resident memory as soon as they are loaded (measured alone: @napi-rs/canvas
 * 28 MB, pdfkit 28 MB, nodemailer 15 MB, chart.js 4 MB). Node only; synchronous (CommonJS
 * `require`, resolved from this file, or from the compiled bundle's place in the project), so
 * the functions that use them stay synchronous.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}
