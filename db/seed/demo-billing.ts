import { sql as q } from "drizzle-orm";
import { allocatePayment, confirmPart, draftRegulationMonth } from "@/lib/data/internal/billing";
import { firstRow, rows } from "@/lib/data/internal/rows";
import { lastDueMonth } from "@/lib/domain/contribution-state";
import { addMonths } from "@/lib/domain/wib";
import { runReconciliation } from "@/lib/data/internal/reconcile";
import type { BpjsRow } from "@/lib/imports/bpjs-list";
import type { Database, Sql } from "../connection";

/**
 * Demo contributions, consistent with the demo's date, through the same drafting, allocation and
 * confirmation code as the portal: every month of the fiscal year so far billed for Kota and
 * Kabupaten Tangerang and issued on the 2nd; one SP2D a month on the 10th, confirmed by each
 * branch on the 12th (never after today). Cikokol and Cimone are paid through the current month; Batuceper's last two
 * due months are unpaid (menunggak 2 bulan); in Kabupaten Tangerang the Dinas holds back six
 * people from July (nonaktif by now). Skipped when any bill exists.
 */
const earliest = (a: string, b: string) => (a < b ? a : b);

export async function seedDemoBilling(db: Database, today: string) {
  const exists = await firstRow<{ n: number }>(db, q`select count(*)::int as n from bills`);
  if (exists!.n > 0) return;
  const regs = await rows<{ id: number; regencyCode: string }>(
    db,
    q`select id, regency_code as "regencyCode" from regulations where status = 'enacted' and regency_code in ('36.71', '36.03') order by regency_code desc`,
  );
  const year = today.slice(0, 4);
  // A mid-year tariff row: the same Rp 16.800, restated because PP 50/2025's discount excludes APBD.
  await db.execute(q`insert into tariffs (effective_from, jkk, jkm, note)
    values (${`${year}-07-01`}::date, 10000, 6800, 'Penegasan: potongan 50% PP 50/2025 tidak berlaku bagi iuran yang dibayar APBD (data demo)')
    on conflict (effective_from) do nothing`);
  const current = today.slice(0, 7);
  const batuceper = await firstRow<{ id: number }>(db, q`select id from offices where name = 'Kantor Cabang Tangerang Batuceper'`);
  // Six Kabupaten Tangerang people covered since before July whose lines the Dinas holds back from July.
  const held = await rows<{ kpj: string }>(
    db,
    q`select kpj_number as kpj from workers where regency_code = '36.03' and status = 'aktif' and coverage_start < ${`${year}-06-01`}::date order by id limit 6`,
  );
  const holdKpj = held.map((h) => h.kpj);
  let sp2d = 0;
  for (let m = `${year}-01`; m <= current; m = addMonths(m, 1)) {
    for (const r of regs) {
      await db.transaction(async (tx) => {
        await draftRegulationMonth(tx, r.id, m);
        const bills = await rows<{ id: number; officeId: number }>(
          tx,
          q`update bills set status = 'diterbitkan', kode_iuran = ${`${r.regencyCode === "36.71" ? "7" : "3"}${m.replace("-", "")}`.padEnd(11, "0")}::text,
              issued_at = least(${`${m}-02T02:00:00Z`}::timestamptz, portal_now())
            where regulation_id = ${r.id} and month = ${`${m}-01`}::date and status = 'draf' returning id, office_id as "officeId"`,
        );
        // Batuceper's last two due months stay unpaid (a month falls due after its 15th).
        const unpaidFrom = addMonths(lastDueMonth(today, `${year}-01`, false), -1);
        const toPay = bills.filter((b) => !(b.officeId === batuceper?.id && m >= unpaidFrom));
        if (!toPay.length) return;
        const due = await firstRow<{ total: number }>(
          tx,
          q`select coalesce(sum(case when l.kind = 'koreksi' then -l.amount else l.amount end), 0)::bigint as total from bill_lines l where l.bill_id = any(${`{${toPay.map((b) => b.id).join(",")}}`}::int[])
              and not (${r.regencyCode === "36.03" && m >= `${year}-07`} and l.worker_id in (select id from workers where kpj_number = any(${`{${holdKpj.join(",")}}`}::text[])))`,
        );
        sp2d++;
        const payment = await firstRow<{ id: number }>(
          tx,
          q`insert into payments (regulation_id, regency_code, number, fiscal_year, paid_on, amount, idempotency_key)
            values (${r.id}, ${r.regencyCode}, ${`SP2D-${String(sp2d).padStart(4, "0")}/BUD/${year} (demo)`}, ${Number(year)}, ${earliest(`${m}-10`, today)}::date, ${Number(due!.total)}, gen_random_uuid())
            returning id`,
        );
        await allocatePayment(tx, {
          paymentId: payment!.id,
          regulationId: r.id,
          amount: Number(due!.total),
          billIds: toPay.map((b) => b.id),
          holdKpj: r.regencyCode === "36.03" && m >= `${year}-07` ? holdKpj : [],
          day: earliest(`${m}-10`, today),
        });
        const parts = await rows<{ id: number }>(tx, q`select id from payment_parts where payment_id = ${payment!.id} order by id`);
        for (const [i, p] of parts.entries()) {
          await confirmPart(tx, {
            partId: p.id,
            receiptNumber: `TBPI/${m.replace("-", "")}/${String(sp2d).padStart(4, "0")}-${i + 1}`,
            day: earliest(`${m}-12`, today),
            actorId: null,
          });
        }
      });
    }
  }
}

/**
 * One demo reconciliation with differences: Cikokol's participant list of the current month as
 * BPJS would send it, with one death BPJS knows of, one KPJ that disagrees, one person BPJS does
 * not list, one it lists that the portal does not have, one earlier last paid month and one
 * unreadable row. Compared by the portal's own code. Skipped when any reconciliation exists.
 */
export async function seedDemoReconciliation(sql: Sql, today: string) {
  const [{ n }] = (await sql`select count(*)::int as n from reconciliations`) as unknown as [{ n: number }];
  if (n > 0) return;
  const [reg] = await sql`select id, regency_code from regulations where status = 'enacted' and regency_code = '36.71' order by id limit 1`;
  const [office] = await sql`select id from offices where name = 'Kantor Cabang Tangerang Cikokol'`;
  if (!reg || !office) return;
  const month = today.slice(0, 7);
  const people = (await sql`select distinct on (w.nik) w.nik, w.kpj_number as kpj, w.name,
        (select to_char(max(p.month), 'YYYY-MM') from paid_months p where p.nik = w.nik) as last_paid
      from aktif_spans_in_month(${`${month}-01`}::date) s join workers w on w.id = s.worker_id
      join branch_coverage bc on bc.district_code = s.district_code and bc.office_id = ${office.id}
     where s.regulation_id = ${reg.id} order by w.nik`) as unknown as { nik: string; kpj: string; name: string; last_paid: string | null }[];
  if (people.length < 6) return;
  const list: BpjsRow[] = people
    .slice(1)
    .map((p, i) => ({ rowNo: i + 2, kpj: p.kpj, nik: p.nik, name: p.name, status: "aktif", lastPaid: p.last_paid, problem: null }));
  list[0]!.status = "meninggal";
  list[1]!.kpj = `8${list[1]!.kpj!.slice(1)}`;
  list[2]!.lastPaid = "2026-06";
  list.push({
    rowNo: list.length + 2,
    kpj: "955500001",
    nik: "3671011212800001",
    name: "Peserta Hanya Di BPJS",
    status: "aktif",
    lastPaid: "2026-10",
    problem: null,
  });
  list.push({
    rowNo: list.length + 2,
    kpj: "12",
    nik: "36710",
    name: "Baris Rusak",
    status: null,
    lastPaid: null,
    problem: "NIK harus 16 digit angka. Nomor KPJ harus 5–20 huruf/angka.",
  });
  async function* batches() {
    yield list;
  }
  const [kacab] = await sql`select id from users where email = 'kacab.cikokol@portal.test'`;
  await sql.begin((tx) =>
    runReconciliation(tx, {
      regulationId: reg.id,
      regencyCode: reg.regency_code,
      officeId: office.id,
      month,
      fileId: null,
      fileName: "daftar-peserta-bpjs-cikokol (demo).csv",
      actorId: kacab?.id ?? null,
      list: batches(),
    }),
  );
}
