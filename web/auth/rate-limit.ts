/**
 * Sign-in rate limits, counted in the database (so they hold across Workers isolates and
 * restarts): 5 failures per email and address, 30 per address, within 15 minutes.
 */
import { clearFailures, countFailuresSince, recordFailure } from "../../src/store/sign-in-failures";
import { normaliseEmail } from "../../src/store/users";
import type { WebDeps } from "../deps";

export const WINDOW_MINUTES = 15;
export const MAX_PER_EMAIL_AND_ADDRESS = 5;
export const MAX_PER_ADDRESS = 30;

function keysOf(email: string, address: string) {
  return { pair: `pair|${normaliseEmail(email)}|${address}`, address: `ip|${address}` };
}

/** True when this attempt must be refused without looking at the password. */
export async function isRateLimited(deps: WebDeps, email: string, address: string): Promise<boolean> {
  const since = new Date(deps.now().getTime() - WINDOW_MINUTES * 60_000).toISOString();
  const keys = keysOf(email, address);
  const [pair, byAddress] = await Promise.all([
    countFailuresSince(deps.store, keys.pair, since),
    countFailuresSince(deps.store, keys.address, since),
  ]);
  return pair >= MAX_PER_EMAIL_AND_ADDRESS || byAddress >= MAX_PER_ADDRESS;
}

export async function noteFailure(deps: WebDeps, email: string, address: string): Promise<void> {
  const now = deps.now();
  const keys = keysOf(email, address);
  await recordFailure(
    deps.store,
    [keys.pair, keys.address],
    now.toISOString(),
    new Date(now.getTime() - 86_400_000).toISOString(),
  );
}

export async function noteSuccess(deps: WebDeps, email: string, address: string): Promise<void> {
  await clearFailures(deps.store, [keysOf(email, address).pair]);
}
