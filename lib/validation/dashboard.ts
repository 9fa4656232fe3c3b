import type { DashboardFilter, Funder } from "@/lib/data/dashboard";
import { REGULATION_ISSUERS } from "./regulations";

export type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export const SORTS = ["kode", "nama", "kuota", "tercatat", "aktif", "tunggu", "persen", "perubahan"] as const;
export type Sort = (typeof SORTS)[number];

/**
 * Dashboard filters from the URL (so a view can be bookmarked and shared): tahun (fiscal year),
 * dana (funder), kab (one area), prov (admin's province), urut (sort column). Anything invalid
 * falls back to the default rather than failing the page.
 */
export function parseDashboardParams(sp: SearchParams, currentYear: number) {
  const year = Number(one(sp.tahun));
  const funder = one(sp.dana);
  const kab = one(sp.kab);
  const prov = one(sp.prov);
  const sort = one(sp.urut);
  const filter: DashboardFilter & { provinceCode: string | null } = {
    fiscalYear: Number.isInteger(year) && year >= 2020 && year <= currentYear + 1 ? year : currentYear,
    funder: (REGULATION_ISSUERS as readonly string[]).includes(funder) ? (funder as Funder) : null,
    regencyCode: /^\d{2}\.\d{2}$/.test(kab) ? kab : null,
    provinceCode: /^\d{2}$/.test(prov) ? prov : null,
  };
  return { filter, sort: (SORTS as readonly string[]).includes(sort.replace(/^-/, "")) ? sort : "kode" };
}

/** A query string for the same filters with some changed (empty values dropped). */
export function withParams(sp: SearchParams, changes: Record<string, string | null>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (one(v)) q.set(k, one(v));
  for (const [k, v] of Object.entries(changes)) {
    if (v) q.set(k, v);
    else q.delete(k);
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}
