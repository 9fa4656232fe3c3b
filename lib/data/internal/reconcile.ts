import "server-only";
import type { TransactionSql } from "postgres";
import type { BpjsRow } from "@/lib/imports/bpjs-list";
import { UserFacingError } from "../errors";

// The comparison of a reconciliation, written once: run inside the caller's postgres.js
// transaction (lib/data/reconciliations.ts after its checks; the demo seed).

export const RECONCILIATION_CATEGORIES = [
  "cocok",
  "hanya_bpjs",
  "hanya_portal",
  "status_berbeda",
  "nik_kpj_berbeda",
  "bulan_berbeda",
  "tidak_terbaca",
] as const;

const csvField = (v: string | number | null) => (v === null ? "" : `"${String(v).replace(/"/g, '""')}"`);

/**
 * Compares BPJS's list (read and checked, in batches) with the portal for one regulation, branch
 * and month: the portal side is everyone aktif in the month under the regulation in the branch's
 * kecamatan, with their last paid month. The list is copied into a temporary table, classified
 * set-based, and every row that is not a match kept. A month locked by its signed berita acara is refused.
 */
export async function runReconciliation(
  tx: TransactionSql,
  args: {
    regulationId: number;
    regencyCode: string;
    officeId: number;
    month: string;
    fileId: string | null;
    fileName: string;
    actorId: string | null;
    list: AsyncIterable<BpjsRow[]>;
  },
): Promise<{ id: number; rows: number; counts: Record<string, number> }> {
  const M = `${args.month}-01`;
  const officeId = args.officeId;
  await tx`select pg_advisory_xact_lock(hashtext('reconciliation'), ${args.regulationId})`;
  const [existing] =
    await tx`select id, status from reconciliations where regulation_id = ${args.regulationId} and office_id = ${officeId} and month = ${M}::date for update`;
  if (existing?.status === "terkunci") throw new UserFacingError("Rekonsiliasi bulan ini sudah dikunci oleh berita acara yang ditandatangani.");
  await tx`create temp table recon_in (n int, row_no int, kpj text, nik text, name text, status text, last_paid text, problem text) on commit drop`;
  const copy = await tx.unsafe(`copy recon_in from stdin with (format csv)`).writable();
  let n = 0;
  for await (const batch of args.list) {
    let block = "";
    for (const r of batch) {
      n++;
      block += [n, r.rowNo, r.kpj, r.nik, r.name, r.status, r.lastPaid, r.problem].map(csvField).join(",") + "\n";
    }
    if (!copy.write(block)) await new Promise((res) => copy.once("drain", res));
  }
  await new Promise<void>((res, rej) => copy.end((e?: Error | null) => (e ? rej(e) : res())));
  if (n === 0) throw new UserFacingError("Berkas tidak berisi baris peserta.");
  await tx`create index on recon_in (kpj)`;
  await tx`create index on recon_in (nik)`;
  await tx`analyze recon_in`;
  await tx`set local work_mem = '64MB'`;
  await tx`create temp table recon_portal on commit drop as
      select distinct on (w.nik) w.id as worker_id, w.nik, w.kpj_number as kpj,
             (select to_char(max(p.month), 'YYYY-MM') from paid_months p where p.nik = w.nik) as last_paid
        from aktif_spans_in_month(${M}::date) s join workers w on w.id = s.worker_id
        join branch_coverage bc on bc.district_code = s.district_code and bc.office_id = ${officeId}
       where s.regulation_id = ${args.regulationId}
       order by w.nik, s.starts_on desc`;
  await tx`create index on recon_portal (kpj)`;
  await tx`create index on recon_portal (nik)`;
  await tx`analyze recon_portal`;
  const [rec] = existing
    ? await tx`update reconciliations set file_id = ${args.fileId}::uuid, file_name = ${args.fileName}, rows = ${n}, counts = '{}', created_by = ${args.actorId}, created_at = portal_now()
          where id = ${existing.id} returning id`
    : await tx`insert into reconciliations (regulation_id, regency_code, office_id, month, file_id, file_name, rows, counts, created_by, created_at)
          values (${args.regulationId}, ${args.regencyCode}, ${officeId}, ${M}::date, ${args.fileId}::uuid, ${args.fileName}, ${n}, '{}', ${args.actorId}, portal_now()) returning id`;
  const id = rec!.id as number;
  await tx`delete from reconciliation_rows where reconciliation_id = ${id}`;
  // Each BPJS row: unreadable; only in BPJS (neither its KPJ nor its NIK is a portal participant);
  // NIK and KPJ disagree (they point at different people, or only one matches); BPJS says not aktif;
  // last paid month differs; else a match. Then the portal's participants BPJS does not list.
  await tx`insert into reconciliation_rows (reconciliation_id, n, category, row_no, kpj, nik, name, bpjs_status, bpjs_last_paid, worker_id, portal_kpj, portal_last_paid, problem)
      select ${id}, row_number() over (order by category, row_no nulls last, nik), category, row_no, kpj, nik, name, status, last_paid, worker_id, portal_kpj, portal_last_paid, problem
        from (
          select case when i.problem is not null then 'tidak_terbaca'
                      when pk.worker_id is null and pn.worker_id is null then 'hanya_bpjs'
                      when pk.worker_id is distinct from pn.worker_id then 'nik_kpj_berbeda'
                      when i.status <> 'aktif' then 'status_berbeda'
                      when i.last_paid is distinct from coalesce(pk.last_paid, pn.last_paid) then 'bulan_berbeda'
                      else 'cocok' end as category,
                 i.row_no, i.kpj, i.nik, i.name, i.status, i.last_paid, coalesce(pk.worker_id, pn.worker_id) as worker_id,
                 coalesce(pk.kpj, pn.kpj) as portal_kpj, coalesce(pk.last_paid, pn.last_paid) as portal_last_paid, i.problem
            from recon_in i
            left join recon_portal pk on pk.kpj = i.kpj
            left join recon_portal pn on pn.nik = i.nik
          union all
          select 'hanya_portal', null, p.kpj, p.nik, w.name, null, null, p.worker_id, p.kpj, p.last_paid, null
            from recon_portal p join workers w on w.id = p.worker_id
           where not exists (select 1 from recon_in i where i.kpj = p.kpj) and not exists (select 1 from recon_in i where i.nik = p.nik)
        ) x
       where category <> 'cocok'`;
  const counted = await tx`select category, count(*)::int as n from reconciliation_rows where reconciliation_id = ${id} group by category`;
  const counts: Record<string, number> = Object.fromEntries(RECONCILIATION_CATEGORIES.map((c) => [c, 0]));
  for (const c of counted) counts[c.category as string] = c.n as number;
  const [{ matched }] = (await tx`select count(*)::int as matched from recon_in i
        where i.problem is null and i.status = 'aktif' and exists (select 1 from recon_portal p where p.kpj = i.kpj and p.nik = i.nik
          and p.last_paid is not distinct from i.last_paid)`) as unknown as [{ matched: number }];
  counts.cocok = matched;
  await tx`update reconciliations set counts = ${JSON.stringify(counts)}::jsonb where id = ${id}`;
  await tx`insert into audit_log (actor_id, action, entity_type, entity_id, details)
      values (${args.actorId}, 'reconciliation.upload', 'reconciliation', ${String(id)}, ${JSON.stringify({ month: args.month, rows: n, counts })}::jsonb)`;
  return { id, rows: n, counts };
}
