import { loadSyntheticContributions, loadSyntheticWorkers } from "./load.mjs";
import { startStack } from "./stack.mjs";
const stack = await startStack("prof");
try {
  await loadSyntheticWorkers(stack.sql, 1000000);
  await loadSyntheticContributions(stack.sql);
  const floor = (await stack.sql`select to_char(date_trunc('month', portal_today()) - interval '2 month', 'YYYY-MM-DD') as f`)[0].f;
  const q = `explain (analyze, buffers) select to_char(greatest(a.start_month, '${floor}'::date), 'YYYY-MM') as "startMonth", (a.late_start and a.start_month > '${floor}'::date) as "lateStart",
         to_char(a.paid_through, 'YYYY-MM') as "paidThrough", a.paid_after as "paidAfter", to_char(a.last_paid, 'YYYY-MM') as "lastPaid", a.longest_gap as "longestGap",
         a.masa_capped as "masaCapped", r.arrears_grace_months as grace, r.rejoin_months as rejoin, bc.district_code is not null as covered, sum(a.n)::int as n
      from agg_contribution a join regulations r on r.id = a.regulation_id
      left join (select distinct district_code from branch_coverage) bc on bc.district_code = a.district_code
     where a.n <> 0 and left(a.regency_code, 2) = '36'
     group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
  for (let i = 0; i < 3; i++) {
    const r = await stack.sql.unsafe(q);
    if (i === 2) console.log(r.map((x) => x["QUERY PLAN"]).join("\n"));
  }
  const cnt = await stack.sql`select count(*) from agg_contribution where n <> 0`;
  console.log("agg rows", cnt);
  // Keep the stack for manual queries.
  console.log("URL", stack.url ?? "", JSON.stringify(Object.keys(stack)));
  await new Promise((r) => setTimeout(r, 20 * 60 * 1000));
} finally {
  await stack.stop();
}
