/**
 * Delivery errors are stored and shown on the Alerts page, to viewers too. A webhook URL is a
 * credential (Slack's path is the secret; `https://user:pass@host` carries a password), so no
 * part of it may reach an error message: the URL, its path and its user info are hidden, and
 * any `scheme://user:pass@` left in a message loses its user info.
 */
const USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

/** The secret parts of a URL, longest first. */
export function urlSecrets(url: string): string[] {
  const parts = [url];
  try {
    const u = new URL(url);
    parts.push(`${u.pathname}${u.search}`, u.pathname, u.password, u.username);
  } catch {
    // Not a URL: the whole string is the secret.
  }
  return parts.filter((p) => p.length >= 4 && p !== "/").sort((a, b) => b.length - a.length);
}

export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) out = out.replaceAll(secret, "[hidden]");
  return out.replace(USER_INFO, "$1[hidden]@");
}
