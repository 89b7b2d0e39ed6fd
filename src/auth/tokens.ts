/** API tokens: `cairn_` and 32 random bytes; only their SHA-256 is stored. */
import { randomSecret, sha256 } from "./password";

export async function newApiToken(): Promise<{ value: string; hash: string }> {
  const value = `cairn_${randomSecret()}`;
  return { value, hash: await sha256(value) };
}
