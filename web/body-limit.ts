/**
 * A cap on request bodies, applied to every route before anything parses one: forms and API
 * calls are a few KiB, so 64 KiB is ample, and an unauthenticated 200 MB POST to /signin is
 * refused (413) while it streams in instead of being buffered whole.
 */
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";

export const MAX_BODY_BYTES = 64 * 1024;

export function bodyLimits() {
  return bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c: Context) => {
      const message = `request body larger than ${MAX_BODY_BYTES / 1024} KiB`;
      return c.req.path.startsWith("/api/") ? c.json({ error: { message } }, 413) : c.text(message, 413);
    },
  });
}
