/**
 * Password hashing with PBKDF2-HMAC-SHA-256 through Web Crypto, so Node and Workers share it.
 *
 * workerd refuses PBKDF2 above 100,000 iterations, so the work is done as a chain: each round
 * is PBKDF2(previous output, salt, 100,000) starting from the password; three rounds cost an
 * attacker 300,000 sequential HMAC-SHA-256 iterations per guess, which no shortcut avoids
 * (each round needs the previous round's output as its key). Stored as
 * `pbkdf2-sha256$<iterations>x<rounds>$<salt b64url>$<hash b64url>`.
 */

export const ITERATIONS_PER_ROUND = 100_000;
export const ROUNDS = 3;
const SALT_BYTES = 16;
const HASH_BITS = 256;
/** A crafted hash must not make verification unboundedly slow. */
const MAX_ROUNDS = 10;

const encoder = new TextEncoder();

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array, iterations: number, rounds: number): Promise<Uint8Array> {
  let key: Uint8Array = encoder.encode(password.normalize("NFC"));
  for (let i = 0; i < rounds; i++) {
    const material = await crypto.subtle.importKey("raw", key as BufferSource, "PBKDF2", false, ["deriveBits"]);
    const bits = await crypto.subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
      material,
      HASH_BITS,
    );
    key = new Uint8Array(bits);
  }
  return key;
}

/** Compares without an early exit, so timing does not tell how much matched. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, ITERATIONS_PER_ROUND, ROUNDS);
  return `pbkdf2-sha256$${ITERATIONS_PER_ROUND}x${ROUNDS}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

/** False for a wrong password and for a stored value that is not a hash of ours. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = /^pbkdf2-sha256\$(\d+)x(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!match) return false;
  const iterations = Number(match[1]);
  const rounds = Number(match[2]);
  if (iterations < 1 || iterations > ITERATIONS_PER_ROUND || rounds < 1 || rounds > MAX_ROUNDS) return false;
  const expected = fromBase64Url(match[4] ?? "");
  const actual = await derive(password, fromBase64Url(match[3] ?? ""), iterations, rounds);
  return constantTimeEqual(actual, expected);
}

/** A hash of nothing anyone knows: verified against when the email is unknown, so timing matches. */
export const DECOY_HASH = `pbkdf2-sha256$${ITERATIONS_PER_ROUND}x${ROUNDS}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

export const MIN_PASSWORD_LENGTH = 12;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if ([...password].length > 1024) return "must be at most 1024 characters";
  return null;
}

/** A random secret for cookies and tokens, 32 bytes, base64url. */
export function randomSecret(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** SHA-256 of a secret, base64url: what the database keeps instead of the secret. */
export async function sha256(text: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text))));
}
