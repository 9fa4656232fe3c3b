import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "./rows";

// The one definition of "workers aktif on any day of month M": per person and regulation, the
// coverage span from coverage start (or the day of a move onto the regulation) to the day the
// ending or the move off it took effect (coverage_spans, kept by the workers_coverage trigger).
// aktifByMonth reads its monthly rollup; aktif_spans_in_month(m) in SQL (migration 0013) is the
// same rule over the spans themselves, for set-based work such as billing and for recounts.

export type AktifMonth = { key: string; month: string; aktif: number };

/**
 * Aktif on any day of each month from `from` to `to` ("YYYY-MM"), per regulation or per
 * kabupaten/kota, restricted by `where` over agg_coverage_monthly (alias a). Months without anyone
 * are returned as 0 for every key that has any span before `to`.
 */
export async function aktifByMonth(exec: Executor, args: { by: "regulation" | "regency"; where: SQL; from: string; to: string }): Promise<AktifMonth[]> {
  const key = args.by === "regulation" ? sql`a.regulation_id::text` : sql`a.regency_code`;
  return rows<AktifMonth>(
    exec,
    sql`select ${key} as key, to_char(m, 'YYYY-MM') as month,
        (coalesce(sum(a.started) filter (where a.month <= m), 0) - coalesce(sum(a.ended) filter (where a.month < m), 0))::int as aktif
      from agg_coverage_monthly a
      cross join generate_series(${`${args.from}-01`}::date, ${`${args.to}-01`}::date, interval '1 month') m
     where ${args.where} and a.month <= ${`${args.to}-01`}::date
     group by 1, m order by 1, m`,
  );
}
