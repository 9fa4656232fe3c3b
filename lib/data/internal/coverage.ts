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
  // Grouped to (key, month) first: a province's rollup rows fold to a few hundred before the
  // months are crossed with them.
  return rows<AktifMonth>(
    exec,
    sql`with g as (select ${key} as key, a.month, sum(a.started)::int as started, sum(a.ended)::int as ended
          from agg_coverage_monthly a where ${args.where} and a.month <= ${`${args.to}-01`}::date group by 1, 2)
      select g.key, to_char(m, 'YYYY-MM') as month,
        (coalesce(sum(g.started) filter (where g.month <= m), 0) - coalesce(sum(g.ended) filter (where g.month < m), 0))::int as aktif
      from g cross join generate_series(${`${args.from}-01`}::date, ${`${args.to}-01`}::date, interval '1 month') m
     group by 1, m order by 1, m`,
  );
}
