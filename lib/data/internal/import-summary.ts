import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { todayIn } from "@/lib/clock";
import { inForceToday } from "./in-force";
import { rows } from "./rows";

/**
 * The dry run's figures: rows per outcome, the flagged ones (`peringatan`: good rows whose birth
 * date or sex differs from the NIK) and how many valid rows would take a place or wait. Counted
 * again when flagged rows are left out at commit.
 */
export async function summarizeImport(tx: Tx, id: string, regencyCode: string): Promise<Record<string, number>> {
  const counts = await rows<{ outcome: string; n: number }>(
    tx,
    sql`select outcome::text as outcome, count(*)::int as n from import_rows where batch_id = ${id} group by 1
        union all select 'peringatan', count(*)::int from import_rows where batch_id = ${id} and warnings is not null and outcome in ('valid', 'tidak_lengkap')`,
  );
  const summary: Record<string, number> = Object.fromEntries(counts.map((c) => [c.outcome, c.n]));
  const today = await todayIn(tx);
  const [free] = await rows<{ n: number }>(
    tx,
    sql`select coalesce(sum(quota - counted), 0)::int as n from regulations where regency_code = ${regencyCode} and ${inForceToday(today, "regulations")}`,
  );
  summary.akan_memegang_kuota = Math.min(free?.n ?? 0, summary.valid ?? 0);
  summary.akan_daftar_tunggu = (summary.valid ?? 0) - summary.akan_memegang_kuota;
  return summary;
}
