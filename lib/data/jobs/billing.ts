import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { writeAudit } from "../audit";
import { draftRegulationMonth, type DraftResult } from "../internal/billing";
import { rows } from "../internal/rows";

// Job: the month's bills. For every regulation in force with anyone aktif in the month, drafts one
// bill per BPJS branch (lib/data/internal/billing.ts), picking up late facts about earlier months
// as susulan and koreksi lines.
// Trigger: the monthly schedule "tagihan-bulanan" (the 1st, 00.05 WIB), and at worker start for a
//   month it missed. In demo/test mode also whenever the portal clock reaches a month not yet run.
// Idempotent: a redraft adds only person-months not yet on a live line (a unique index makes a
//   double impossible) and removes only lines no longer due; a second run of the month changes nothing.

/** Drafts `month` ("YYYY-MM") for every regulation that has anyone aktif in it; one transaction per regulation. */
export async function runMonthlyBilling(month: string): Promise<DraftResult & { regulations: number }> {
  const regs = await rows<{ id: number }>(
    db(),
    sql`select r.id from regulations r where r.status = 'enacted'
         and exists (select 1 from aktif_spans_in_month(${`${month}-01`}::date) s where s.regulation_id = r.id) order by r.id`,
  );
  const total = { regulations: regs.length, bills: 0, added: 0, susulan: 0, koreksi: 0, removed: 0, untertagih: 0 };
  for (const r of regs) {
    const result = await db().transaction(async (tx) => {
      const out = await draftRegulationMonth(tx, r.id, month);
      await writeAudit(tx, { actorId: null, action: "bill.draft", entityType: "regulation", entityId: String(r.id), details: { month, ...out } });
      return out;
    });
    for (const k of ["bills", "added", "susulan", "koreksi", "removed", "untertagih"] as const) total[k] += result[k];
  }
  return total;
}
