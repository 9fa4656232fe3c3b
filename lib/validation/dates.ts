import { z } from "zod";

/** A real calendar day "YYYY-MM-DD": 2026-02-30 is refused here, before it reaches the database. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** A typed date, checked as a calendar date, with Indonesian messages naming the field. */
export const calendarDate = (label: string) =>
  z
    .string({ error: `Isi ${label}.` })
    .trim()
    .min(1, `Isi ${label}.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label[0]!.toUpperCase()}${label.slice(1)} harus berupa tanggal.`)
    .refine(isCalendarDate, `${label[0]!.toUpperCase()}${label.slice(1)} bukan tanggal yang ada di kalender.`);
