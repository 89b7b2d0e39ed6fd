/**
 * The client's address for sign-in limits and the demo's loopback check. Behind a reverse proxy
 * every request comes from the proxy's address, so everyone would share one lockout: the
 * `X-Forwarded-For` header is believed, but only from the proxies named in
 * CAIRN_TRUSTED_PROXIES (anyone else could write any address in it to escape the limit).
 * The chain is read from the right: the first address that is not a trusted proxy is the client.
 */

/** `::ffff:10.0.0.1` and `10.0.0.1` are one address. */
function plain(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string | undefined {
  if (socketAddress === undefined) return undefined;
  const trusted = new Set(trustedProxies.map(plain));
  if (!trusted.has(plain(socketAddress)) || forwardedFor === undefined) return socketAddress;
  const chain = forwardedFor
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = chain[i] as string;
    if (!trusted.has(plain(address))) return address;
  }
  return chain[0] ?? socketAddress;
}
