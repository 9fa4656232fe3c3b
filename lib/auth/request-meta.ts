import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientIpFrom } from "./client-ip";

/**
 * Where this request came from and which session it carries, so every audit row of a request
 * names its client address and session. getViewer() records the session against the request's
 * headers object (one per request); writeAudit() reads it back. Outside a request (jobs, the
 * seed, tests) headers() throws and the meta is empty.
 */
export type RequestMeta = { ip: string | null; sessionId: string | null };

const EMPTY: RequestMeta = { ip: null, sessionId: null };
const byRequest = new WeakMap<object, RequestMeta>();

export async function rememberSession(sessionId: string): Promise<void> {
  const h = await headers();
  byRequest.set(h, { ip: clientIpFrom(h, env().TRUSTED_PROXY === "1"), sessionId });
}

export async function requestMeta(): Promise<RequestMeta> {
  let h: Headers;
  try {
    h = await headers();
  } catch {
    return EMPTY;
  }
  return byRequest.get(h) ?? { ip: clientIpFrom(h, env().TRUSTED_PROXY === "1"), sessionId: null };
}
