// The headers every HTML response carries (ASVS 5.0 V3.4). The Content-Security-Policy is built
// per request with a fresh nonce (proxy.ts); Next.js puts that nonce on its own scripts. No
// 'unsafe-inline' for scripts; inline style attributes are allowed (charts set widths).

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Two years, with subdomains, sent only when the request came over HTTPS. */
export const HSTS = "max-age=63072000; includeSubDomains";
