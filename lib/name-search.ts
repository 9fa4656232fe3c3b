import "server-only";
import { cookies } from "next/headers";

// A name typed into "Cari nama" is personal data: it never goes into a URL (where it would reach
// browser history, proxies and access logs). The search form posts it; it is kept for an hour in
// an HttpOnly cookie that the list, its pages and its export read.

const COOKIE = "portal-cari-nama";

export async function readNameSearch(): Promise<string | undefined> {
  const q = (await cookies()).get(COOKIE)?.value?.slice(0, 100).trim();
  return q || undefined;
}

export async function storeNameSearch(q: string | undefined): Promise<void> {
  const jar = await cookies();
  if (!q) jar.delete({ name: COOKIE, path: "/" });
  else jar.set(COOKIE, q.slice(0, 100), { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 });
}
