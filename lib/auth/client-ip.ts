/**
 * The client's IP for login throttling. X-Forwarded-For is forgeable, so it is believed only
 * when the deployment says a proxy is in front (TRUSTED_PROXY=1), and then only its last entry
 * (the one our proxy appended). Otherwise we use the socket address that scripts/server.mjs
 * writes into x-portal-remote-addr, overwriting whatever the client sent.
 */
export function clientIpFrom(headers: Headers, trustedProxy: boolean): string {
  if (trustedProxy) {
    const xff = headers.get("x-forwarded-for");
    const last = xff
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (last) return last;
  }
  return headers.get("x-portal-remote-addr") ?? "unknown";
}
