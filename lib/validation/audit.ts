import { AUDIT_ACTIONS } from "@/lib/domain/audit-actions";
import type { SearchParams } from "./dashboard";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string) => DAY.test(s) && !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The area trail's actions: what happens to workers, regulations and the area's settings. */
export const AREA_AUDIT_ACTIONS = AUDIT_ACTIONS.filter((a) => !/^(auth|user|office)\./.test(a));

/**
 * The audit page's filters from the URL (oleh, tindakan, dari, sampai): anything not recognised is
 * dropped, with a sentence for the dates so the supervisor knows why the filter did nothing.
 */
export function parseAuditParams(sp: SearchParams) {
  const actorId = one(sp.oleh);
  const action = one(sp.tindakan);
  const from = one(sp.dari);
  const to = one(sp.sampai);
  const errors: string[] = [];
  if (from && !isDay(from)) errors.push("Tanggal 'dari' tidak valid.");
  if (to && !isDay(to)) errors.push("Tanggal 'sampai' tidak valid.");
  const filter = {
    actorId: UUID.test(actorId) ? actorId : null,
    action: (AREA_AUDIT_ACTIONS as readonly string[]).includes(action) ? action : null,
    from: isDay(from) ? from : null,
    to: isDay(to) ? to : null,
  };
  if (filter.from && filter.to && filter.from > filter.to) errors.push("Tanggal 'dari' harus sebelum atau sama dengan 'sampai'.");
  return { filter, errors };
}
