/**
 * A cap on what a gzip file may decompress to, relative to the compressed bytes read so far.
 * CSV exports compress 10 to 30 times; gzip cannot exceed about 1,030 times, which is what a
 * decompression bomb (one byte repeated) reaches. Past the ratio (and a floor, so tiny files of
 * repetitive rows pass) the stream fails with a clear error instead of running for minutes.
 */
import { Transform, type TransformCallback } from "node:stream";
import { DamagedFileError } from "./damaged-file";

export const MAX_INFLATE_RATIO = 200;
/** Below this many decompressed bytes the ratio is not checked. */
export const INFLATE_RATIO_FLOOR_BYTES = 64 * 1024 * 1024;

export class InflateLimitError extends DamagedFileError {
  constructor(outBytes: number, inBytes: number) {
    super(
      `gzip data decompresses to more than ${MAX_INFLATE_RATIO} times its size (${outBytes.toLocaleString("en")} bytes from ${inBytes.toLocaleString("en")}): not a FOCUS export (a decompression bomb?)`,
    );
    this.name = "InflateLimitError";
  }
}

/** Passes decompressed chunks through; `compressed()` tells how many input bytes were consumed. */
export function inflateLimit(
  compressed: () => number,
  ratio = MAX_INFLATE_RATIO,
  floorBytes = INFLATE_RATIO_FLOOR_BYTES,
): Transform {
  let out = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      out += chunk.length;
      const inBytes = compressed();
      if (out > floorBytes && out > ratio * Math.max(1, inBytes)) {
        done(new InflateLimitError(out, inBytes));
        return;
      }
      done(null, chunk);
    },
  });
}
