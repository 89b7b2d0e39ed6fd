/**
 * "Last used" of API tokens, kept off the read path: an API call only reads its token; the stamp
 * is written at most once a minute per token, after the response, and skipped (retried on a
 * later call) when another process holds the database's write lock. One recorder per app.
 */
import { recordApiTokenUse } from "../../src/store/api-tokens";
import type { Store } from "../../src/store/store";

export const TOKEN_USE_INTERVAL_MS = 60_000;

export interface TokenUseRecorder {
  /** A call authenticated with this token at `now`; `lastUsedAt` as the token's row says. */
  used: (tokenId: number, lastUsedAt: string | null, now: Date) => Promise<void>;
}

export function createTokenUseRecorder(store: Store, intervalMs = TOKEN_USE_INTERVAL_MS): TokenUseRecorder {
  const stamped = new Map<number, number>();
  return {
    async used(tokenId, lastUsedAt, now) {
      const known = Math.max(stamped.get(tokenId) ?? 0, lastUsedAt ? Date.parse(lastUsedAt) : 0);
      if (now.getTime() - known < intervalMs) return;
      stamped.set(tokenId, now.getTime());
      try {
        if (!(await recordApiTokenUse(store, tokenId, now.toISOString()))) stamped.delete(tokenId);
      } catch {
        // The stamp is informational: a failure to write it never fails the call.
        stamped.delete(tokenId);
      }
    },
  };
}
