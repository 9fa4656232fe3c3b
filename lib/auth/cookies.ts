import { env } from "@/lib/env";

/**
 * Whether the browser reached the portal over HTTPS: only a trusted proxy's X-Forwarded-Proto is
 * believed (scripts/server.mjs itself speaks plain HTTP). Decides `Secure` cookies and HSTS.
 */
export function isHttpsRequest(headers: Headers): boolean {
  if (env().TRUSTED_PROXY !== "1") return false;
  return headers.get("x-forwarded-proto")?.split(",").pop()?.trim().toLowerCase() === "https";
}
