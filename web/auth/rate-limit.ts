/**
 * Sign-in rate limits, counted in the database (so they hold across Workers isolates and
 * restarts): 5 failures per email and address, 30 per address, within 15 minutes.
 */
import { clearFailures, countFailuresSince, forgetFailure, recordFailure } from "../../src/store/sign-in-failures";
import { normaliseEmail } from "../../src/store/users";
import type { WebDeps } from "../deps";

export const WINDOW_MINUTES = 15;
export const MAX_PER_EMAIL_AND_ADDRESS = 5;
export const MAX_PER_ADDRESS = 30;

function keysOf(email: string, address: string) {
  return { pair: `pair|${normaliseEmail(email)}|${address}`, address: `ip|${address}` };
}

/**
 * Reserves this attempt BEFORE the password is hashed: it is recorded as a failure first, then
 * counted with every other one. Checking first and recording after the (slow) hash let 120
 * parallel guesses all pass a check that saw none of the others. Returns true when the attempt
 * must be refused without looking at the password. A right password clears the reservation
 * (`noteSuccess`); a wrong one leaves it as the failure it is. Null: refused.
 */
export async function reserveAttempt(deps: WebDeps, email: string, address: string): Promise<Reservation | null> {
  const now = deps.now();
  const keys = keysOf(email, address);
  await recordFailure(
    deps.store,
    [keys.pair, keys.address],
    now.toISOString(),
    new Date(now.getTime() - 86_400_000).toISOString(),
  );
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  const [pair, byAddress] = await Promise.all([
    countFailuresSince(deps.store, keys.pair, since),
    countFailuresSince(deps.store, keys.address, since),
  ]);
  if (pair > MAX_PER_EMAIL_AND_ADDRESS || byAddress > MAX_PER_ADDRESS) return null;
  return { email, address, atIso: now.toISOString() };
}

export interface Reservation {
  email: string;
  address: string;
  atIso: string;
}

/** A right password: the pair's failures are forgiven, and this attempt's reservation on the address. */
export async function noteSuccess(deps: WebDeps, reservation: Reservation): Promise<void> {
  const keys = keysOf(reservation.email, reservation.address);
  await clearFailures(deps.store, [keys.pair]);
  await forgetFailure(deps.store, keys.address, reservation.atIso);
}
