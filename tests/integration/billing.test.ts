// Contributions end to end on the data layer: drafting per regulation × branch × month, issuing,
// one SP2D across two branches, each branch confirming its part, late facts as susulan and
// koreksi lines, reversal, races, and every figure recounted in plain SQL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/connection";
import type { Viewer } from "@/lib/authz/viewer";
import { draftBillsForViewer, getBillForViewer, issueBill, listBillsForViewer, voidBill } from "@/lib/data/billing";
import { setPortalClock } from "@/lib/data/clock";
import {
  getContributionProgressForViewer,
  getRegulationActualsForViewer,
  getWorkerContributionsForViewer,
  reactivateContributions,
} from "@/lib/data/contributions";
import { NotFoundError } from "@/lib/data/errors";
import { runMonthlyBilling } from "@/lib/data/jobs/billing";
import {
  cancelPayment,
  confirmPaymentPart,
  getPaymentForViewer,
  listRefundsForViewer,
  receiveRefund,
  recordPayment,
  reversePaymentPart,
} from "@/lib/data/payments";
import { endRegulation } from "@/lib/data/regulations";
import { activateWorker, endWorker, getDeathForViewer, recordDeath, registerWorker, verifyWorkers } from "@/lib/data/workers";
import { contributionState, summarize } from "@/lib/domain/contribution-state";
import { importArea, type ImportArea } from "../support/import-area";
import { viewerFor } from "../support/viewers";
import { claimNikNamespace, makeNik, workerInput } from "../support/workers";
import { firstVillageOf } from "../support/areas";
import { hashPassword } from "@/lib/auth/password";

claimNikNamespace(9);

const AREA = "32.06"; // Kab. Tasikmalaya: used only by this file
const sql = connect(inject("databaseUrl"), 4).sql;
let a: ImportArea;
let headA: Viewer;
let headB: Viewer;
let kec: { a: string; b: string; none: string };
const ids: Record<string, number> = {};
const at = (day: string) => setPortalClock(`${day}T03:00:00Z`);
const uuid = () => crypto.randomUUID();

async function aktifWorker(name: string, district: string, coverageStart: string) {
  const nik = makeNik();
  const [w] =
    await sql`insert into workers (nik, name, birth_date, sex, regency_code, district_code, status, regulation_id, kpj_number, coverage_start, submitted_at)
    values (${nik}, ${name}, '1985-03-12', 'L', ${AREA}, ${district}, 'aktif', ${a.regulationId}, ${`TSK${nik.slice(-8)}`}, ${coverageStart}, now()) returning id`;
  await sql`update regulations set counted = counted + 1 where id = ${a.regulationId}`;
  ids[name] = Number(w!.id);
  return Number(w!.id);
}

/** Lines a bill should have: people aktif in the month under the regulation held on the 1st (or the first span in it), × that month's tariff. */
async function expectedMonth(month: string) {
  const [r] = await sql`
    with firsts as (select distinct on (w.nik) w.nik, s.regulation_id, s.district_code from coverage_spans s join workers w on w.id = s.worker_id
                     where s.starts_on < (${month}::date + interval '1 month') and (s.ends_on is null or s.ends_on >= ${month}::date)
                     order by w.nik, s.starts_on, s.id)
    select count(*)::int as n, count(*) filter (where bc.office_id is null)::int as uncovered,
           (count(*) filter (where bc.office_id is not null) * (select jkk + jkm from tariffs where effective_from <= ${month}::date order by effective_from desc limit 1))::int as rupiah
      from firsts f left join branch_coverage bc on bc.district_code = f.district_code where f.regulation_id = ${a.regulationId}`;
  return r as unknown as { n: number; uncovered: number; rupiah: number };
}

async function billedMonth(month: string) {
  const [r] = await sql`select count(*)::int as n, coalesce(sum(l.amount), 0)::int as rupiah from bill_lines l join bills b on b.id = l.bill_id
    where b.regulation_id = ${a.regulationId} and l.month = ${month}::date and l.kind <> 'koreksi' and not l.voided`;
  return r as unknown as { n: number; rupiah: number };
}

/** Every invariant of the contribution tables, recounted. */
async function checkInvariants() {
  // A person paid at most once for a month is the primary key; every paid month is a live line of a confirmed part.
  const [orphans] = await sql`select count(*)::int as n from paid_months p
      where not exists (select 1 from payment_lines pl join payment_parts pp on pp.id = pl.part_id where pl.bill_line_id = p.bill_line_id and pl.live and pp.status = 'dikonfirmasi' and pp.id = p.part_id)`;
  expect(orphans!.n).toBe(0);
  const [unpaidConfirmed] =
    await sql`select count(*)::int as n from payment_lines pl join payment_parts pp on pp.id = pl.part_id join bill_lines l on l.id = pl.bill_line_id
      where pl.live and pp.status = 'dikonfirmasi' and l.kind <> 'koreksi' and not exists (select 1 from paid_months p where p.bill_line_id = l.id)`;
  expect(unpaidConfirmed!.n).toBe(0);
  const [over] =
    await sql`select count(*)::int as n from payments p where p.amount < (select coalesce(sum(amount), 0) from payment_parts where payment_id = p.id and status in ('menunggu', 'dikonfirmasi'))
      + (select coalesce(sum(amount), 0) from credit_refund_payments where payment_id = p.id)`;
  expect(over!.n).toBe(0);
  const [unbalanced] =
    await sql`select count(*)::int as n from credit_refunds f where f.amount <> (select sum(amount) from credit_refund_payments where refund_id = f.id)`;
  expect(unbalanced!.n).toBe(0);
  // A part's amount is its lines (charges less credits).
  const [parts] =
    await sql`select count(*)::int as n from payment_parts pp where pp.amount <> (select coalesce(sum(case when l.kind = 'koreksi' then -l.amount else l.amount end), 0)
      from payment_lines pl join bill_lines l on l.id = pl.bill_line_id where pl.part_id = pp.id)`;
  expect(parts!.n).toBe(0);
  const [doubles] =
    await sql`select count(*)::int as n from (select nik, month from bill_lines where kind <> 'koreksi' and not voided group by 1, 2 having count(*) > 1) x`;
  expect(doubles!.n).toBe(0);
  // The summaries equal a recount from the paid months, and the rollup equals the summaries.
  const people =
    await sql`select pc.*, to_char(pc.start_month, 'YYYY-MM') as sm, to_char(pc.paid_through, 'YYYY-MM') as pt, to_char(pc.last_paid, 'YYYY-MM') as lp,
      coalesce((select array_agg(to_char(p.month, 'YYYY-MM')) from paid_months p where p.nik = pc.nik), '{}') as paid
      from person_contributions pc where pc.regency_code = ${AREA}`;
  for (const p of people) {
    const s = summarize(p.paid as string[], p.sm as string, p.late_start as boolean);
    expect({ paidThrough: p.pt, paidAfter: p.paid_after, lastPaid: p.lp, longestGap: p.longest_gap, masaIur: p.masa_iur }).toEqual({
      paidThrough: s.paidThrough,
      paidAfter: s.paidAfter,
      lastPaid: s.lastPaid,
      longestGap: s.longestGap,
      masaIur: s.masaIur,
    });
  }
  const [aktif] = await sql`select count(*)::int as n from workers where regency_code = ${AREA} and status = 'aktif'`;
  expect(people.length).toBe(aktif!.n);
  const [agg] = await sql`select coalesce(sum(n), 0)::int as n from agg_contribution where regency_code = ${AREA}`;
  expect(agg!.n).toBe(aktif!.n);
}

/** The dashboard's progress for the area, recounted person by person with the pure rule. */
async function recountProgress(day: string) {
  const people =
    await sql`select w.nik, greatest(w.coverage_start, (select max(x.reactivated_on) from contribution_reactivations x where x.nik = w.nik))::text as start, exists (select 1 from branch_coverage bc where bc.district_code = w.district_code) as covered,
      coalesce((select array_agg(to_char(p.month, 'YYYY-MM')) from paid_months p where p.nik = w.nik), '{}') as paid
      from workers w where w.regency_code = ${AREA} and w.status = 'aktif'`;
  const out = { tidakMenunggak: 0, menunggak: 0, nonaktif: 0, lewatPemulihan: 0, tidakTertagih: 0, enamBulan: 0, kpi: 0 };
  for (const p of people) {
    const paid = p.paid as string[];
    out.kpi += Math.min(paid.length, 6) / 6;
    if (paid.length >= 6) out.enamBulan++;
    if (!p.covered) {
      out.tidakTertagih++;
      continue;
    }
    const start = p.start as string;
    const s = contributionState({ paid, startMonth: start.slice(0, 7), lateStart: Number(start.slice(8)) > 15, day, grace: 3, rejoin: 3 });
    if (s.kind === "menunggak") out.menunggak++;
    else if (s.kind === "nonaktif") {
      out.nonaktif++;
      if (s.lapsed) out.lewatPemulihan++;
    } else out.tidakMenunggak++;
  }
  return out;
}

async function expectProgress(day: string) {
  const p = await getContributionProgressForViewer(a.supervisor);
  const r = await recountProgress(day);
  expect({ ...p, kpi: Math.round(p.kpi * 1000) }).toMatchObject({ ...r, kpi: Math.round(r.kpi * 1000) });
  // The per-area rollup the area reads is agg_contribution grouped, row for row.
  const [diff] = await sql`with g as (
      select regency_code, district_code in (select district_code from branch_coverage) as covered, regulation_id, start_month, late_start, paid_through, paid_after,
             last_paid, longest_gap, masa_capped, sum(n)::int as n
        from agg_contribution where regency_code = ${AREA} group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 having sum(n) <> 0),
    r as (select regency_code, covered, regulation_id, start_month, late_start, paid_through, paid_after, last_paid, longest_gap, masa_capped, n
            from agg_contribution_area where regency_code = ${AREA} and n <> 0)
    select (select count(*) from (select * from g except select * from r) x)::int + (select count(*) from (select * from r except select * from g) y)::int as n`;
  expect(diff!.n).toBe(0);
  return p;
}

beforeAll(async () => {
  a = await importArea(AREA, 100);
  const districts = await sql`select code from districts where regency_code = ${AREA} order by code limit 3`;
  kec = { a: districts[0]!.code, b: districts[1]!.code, none: districts[2]!.code };
  await sql`insert into offices (kind, name, province_code) values ('kantor_wilayah', 'Kanwil Jawa Barat (uji)', '32') on conflict (name) do nothing`;
  const [kanwil] = await sql`select id from offices where kind = 'kantor_wilayah' and province_code = '32'`;
  for (const [name, d] of [
    ["A", kec.a],
    ["B", kec.b],
  ] as const) {
    const [o] = await sql`insert into offices (kind, name, parent_id, province_code) values ('kantor_cabang', ${`KC Uji Iuran ${name}`}, ${kanwil!.id}, '32')
      on conflict (name) do update set name = excluded.name returning id`;
    await sql`insert into branch_coverage (district_code, office_id) values (${d}, ${o!.id}) on conflict do nothing`;
    await sql`insert into users (email, name, password_hash, role, office_id) values (${`kacab.iuran${name.toLowerCase()}@portal.test`}, ${`Kacab ${name}`}, ${await hashPassword("x-unused-password")}, 'kepala_cabang', ${o!.id})
      on conflict ((lower(email))) do nothing`;
  }
  headA = await viewerFor("kacab.iurana@portal.test");
  headB = await viewerFor("kacab.iuranb@portal.test");
  // A tariff change inside the scenario's year (2031, far from every other test's months).
  await sql`insert into tariffs (effective_from, jkk, jkm, note) values ('2031-07-01', 11000, 7000, 'uji: tarif baru') on conflict (effective_from) do nothing`;
  await sql`insert into regulation_budgets (regulation_id, fiscal_year, allocated) values (${a.regulationId}, 2031, 1000000) on conflict do nothing`;
});

afterAll(async () => {
  await setPortalClock(process.env.PORTAL_CLOCK!);
  await sql.end({ timeout: 5 });
});

describe("contributions", () => {
  it("drafts one bill per branch and month, equal to a plain recount, and never doubles a line", async () => {
    await at("2031-05-10");
    await aktifWorker("w1", kec.a, "2031-05-02");
    await aktifWorker("w2", kec.a, "2031-05-03");
    await aktifWorker("w3", kec.a, "2031-05-20"); // activated later in the month, before the draft runs again
    await aktifWorker("w4", kec.b, "2031-05-01");
    await aktifWorker("w5", kec.none, "2031-05-01"); // no branch covers this kecamatan
    // The monthly job drafts every regulation; this one's share is 4 lines, 1 tidak tertagih.
    const r = await runMonthlyBilling("2031-05");
    expect(r.untertagih).toBeGreaterThanOrEqual(1);
    expect((await expectedMonth("2031-05-01")).uncovered).toBe(1);
    const bills = await listBillsForViewer(a.supervisor, { regulationId: a.regulationId });
    expect(bills.map((b) => [b.officeName, b.lines, b.total])).toEqual([
      ["KC Uji Iuran A", 3, 3 * 16_800],
      ["KC Uji Iuran B", 1, 16_800],
    ]);
    expect(await billedMonth("2031-05-01")).toEqual({ n: 4, rupiah: (await expectedMonth("2031-05-01")).rupiah });
    // Two drafts of one month at once, and again: nothing doubles.
    const twice = await Promise.all([runMonthlyBilling("2031-05"), draftBillsForViewer(a.supervisor, { regulationId: a.regulationId, month: "2031-05" })]);
    expect(twice.map((x) => x.added)).toEqual([0, 0]);
    expect((await billedMonth("2031-05-01")).n).toBe(4);
    // Each branch sees only its own bill; another area's supervisor finds nothing.
    expect((await listBillsForViewer(headA)).map((b) => b.officeName)).toEqual(["KC Uji Iuran A"]);
    const other = await viewerFor("supervisor.kabtangerang@portal.test");
    await expect(getBillForViewer(other, bills[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBillForViewer(headB, bills[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    await checkInvariants();
  });

  it("issues with an 11-digit kode iuran, freezes the lines, and pays one SP2D across two branches", async () => {
    const [billA, billB] = await listBillsForViewer(a.supervisor, { regulationId: a.regulationId });
    await expect(issueBill(headA, billA!.id, "1234567890")).rejects.toMatchObject({ fieldErrors: { kodeIuran: expect.any(Array) } });
    await expect(issueBill(headB, billA!.id, "12345678901")).rejects.toBeInstanceOf(NotFoundError);
    await issueBill(headA, billA!.id, "12345678901");
    await expect(issueBill(headA, billA!.id, "12345678901")).rejects.toThrow("sudah diterbitkan");
    await issueBill(headB, billB!.id, "12345678902");
    // Frozen in the database, whoever writes.
    await expect(sql`update bill_lines set amount = 1, jkk = 1, jkm = 0 where bill_id = ${billA!.id}`).rejects.toThrow(/bill_lines_frozen/);
    await expect(sql`delete from bill_lines where bill_id = ${billA!.id}`).rejects.toThrow(/bill_lines_frozen/);

    // Bad input, nothing written.
    const base = {
      regulationId: a.regulationId,
      number: "SP2D-001/2031",
      paidOn: "2031-05-09",
      amount: 4 * 16_800 + 500,
      billIds: null,
      acceptOverBudget: false,
    };
    await expect(recordPayment(a.supervisor, { ...base, amount: 0, idempotencyKey: uuid() })).rejects.toMatchObject({
      fieldErrors: { amount: expect.any(Array) },
    });
    await expect(recordPayment(a.supervisor, { ...base, paidOn: "2031-05-11", idempotencyKey: uuid() })).rejects.toMatchObject({
      fieldErrors: { paidOn: expect.any(Array) },
    });
    await expect(recordPayment(a.supervisor, { ...base, number: "  ", idempotencyKey: uuid() })).rejects.toMatchObject({
      fieldErrors: { number: expect.any(Array) },
    });
    await expect(recordPayment(headA, { ...base, idempotencyKey: uuid() })).rejects.toThrow("tidak berwenang");

    const key = uuid();
    const [first, again] = await Promise.all([
      recordPayment(a.supervisor, { ...base, idempotencyKey: key }),
      recordPayment(a.supervisor, { ...base, idempotencyKey: key }),
    ]);
    expect(first.id).toBe(again.id);
    await expect(recordPayment(a.supervisor, { ...base, idempotencyKey: uuid() })).rejects.toMatchObject({ fieldErrors: { number: expect.any(Array) } });
    const payment = await getPaymentForViewer(a.supervisor, first.id);
    expect(payment.allocated).toBe(4 * 16_800);
    expect(payment.parts.map((p) => [p.officeName, p.amount, p.status])).toEqual([
      ["KC Uji Iuran A", 3 * 16_800, "menunggu"],
      ["KC Uji Iuran B", 16_800, "menunggu"],
    ]);
    const partA = payment.parts[0]!.id;
    const partB = payment.parts[1]!.id;
    // A branch head confirms only its own part; twice is refused.
    await expect(confirmPaymentPart(headB, partA, "TB-1")).rejects.toBeInstanceOf(NotFoundError);
    await expect(Promise.all([confirmPaymentPart(headA, partA, "TB-A-001"), confirmPaymentPart(headA, partA, "TB-A-001")])).rejects.toThrow(
      "sudah dikonfirmasi",
    );
    const [confirmed] = await sql`select count(*)::int as n from paid_months where part_id = ${partA}`;
    expect(confirmed!.n).toBe(3);
    // A void of a bill with money on it is refused.
    await expect(voidBill(headA, billA!.id, "salah susun")).rejects.toThrow("sudah dialokasikan");
    await checkInvariants();

    // On 15 June the June month is not yet due: A's people are belum jatuh tempo, B's (unconfirmed) menunggak 1.
    await at("2031-06-15");
    const w1 = await getWorkerContributionsForViewer(a.supervisor, ids.w1!);
    expect(w1.state).toEqual({ kind: "belum_jatuh_tempo" });
    expect(w1.masaIur).toBe(1);
    expect((await getWorkerContributionsForViewer(a.supervisor, ids.w4!)).state).toEqual({ kind: "menunggak", months: 1 });
    expect((await getWorkerContributionsForViewer(a.supervisor, ids.w5!)).state).toEqual({ kind: "tidak_tertagih" });
    // w3 started on 20 May: May falls due with June, after 15 June.
    expect((await getWorkerContributionsForViewer(a.supervisor, ids.w3!)).state).toEqual({ kind: "belum_jatuh_tempo" });
    await expectProgress("2031-06-15");
    await confirmPaymentPart(headB, partB, "TB-B-001");
    await at("2031-06-16");
    const p = await expectProgress("2031-06-16");
    expect(p).toMatchObject({ menunggak: 4, tidakTertagih: 1 });
    await checkInvariants();
  });

  it("bills a month at the tariff of that month and turns late facts into susulan and koreksi lines", async () => {
    await at("2031-06-01");
    await draftBillsForViewer(a.supervisor, { regulationId: a.regulationId, month: "2031-06" });
    const june = await listBillsForViewer(a.supervisor, { regulationId: a.regulationId, status: "draf" });
    for (const b of june) await issueBill(b.officeName.endsWith("A") ? headA : headB, b.id, "22345678901");
    // June of branch A paid and confirmed before the death below is known.
    const juneA = june.find((b) => b.officeName.endsWith("A"))!;
    const paidJune = await recordPayment(a.supervisor, {
      regulationId: a.regulationId,
      number: "SP2D-J/2031",
      paidOn: "2031-06-01",
      amount: 3 * 16_800,
      idempotencyKey: uuid(),
      billIds: [juneA.id],
      acceptOverBudget: false,
    });
    await confirmPaymentPart(headA, (await getPaymentForViewer(headA, paidJune.id)).parts[0]!.id, "TB-A-J");
    await at("2031-07-05");
    // A death on 28 May recorded on 5 July: June (issued) was not due → koreksi; May stays due.
    await endWorker(a.officer, ids.w2!, "meninggal", "2031-05-28");
    // A back-dated activation: covered since 3 June, recorded on 5 July → June as susulan.
    const late = await registerWorker(a.officer, workerInput({ districtCode: kec.a, villageCode: await firstVillageOf(kec.a) }));
    await verifyWorkers(headA, [late.id]);
    await activateWorker(headA, late.id, { kpjNumber: `TSKL${Date.now()}`.slice(0, 14), coverageStart: "2031-06-03" });
    const r = await draftBillsForViewer(a.supervisor, { regulationId: a.regulationId, month: "2031-07" });
    expect(r).toMatchObject({ susulan: 1, koreksi: 1 });
    // July at the new tariff, June at the old one; the recount agrees month by month.
    expect(await billedMonth("2031-07-01")).toEqual({ n: (await expectedMonth("2031-07-01")).n - 1, rupiah: (await expectedMonth("2031-07-01")).rupiah });
    const [july] =
      await sql`select distinct amount from bill_lines l join bills b on b.id = l.bill_id where b.regulation_id = ${a.regulationId} and l.month = '2031-07-01' and l.kind = 'iuran'`;
    expect(july!.amount).toBe(18_000);
    expect((await billedMonth("2031-06-01")).rupiah).toBe(((await expectedMonth("2031-06-01")).n - 1) * 16_800 + 16_800); // w2's June line stays, credited
    const [k] =
      await sql`select l.amount, l.month::text from bill_lines l where l.kind = 'koreksi' and l.nik = (select nik from workers where id = ${ids.w2!})`;
    expect(k).toMatchObject({ amount: 16_800, month: "2031-06-01" });
    await checkInvariants();
  });

  it("reverses a confirmed part, and a payment racing a reversal or a cancel leaves every invariant", async () => {
    const [billA] = await listBillsForViewer(headA, { regulationId: a.regulationId, status: "draf" });
    await issueBill(headA, billA!.id, "32345678901");
    const pay = await recordPayment(a.supervisor, {
      regulationId: a.regulationId,
      number: "SP2D-002/2031",
      paidOn: "2031-07-05",
      amount: 500_000,
      idempotencyKey: uuid(),
      billIds: null,
      acceptOverBudget: false,
    });
    const detail = await getPaymentForViewer(a.supervisor, pay.id);
    const own = detail.parts.find((p) => p.officeName.endsWith("A"))!;
    // The koreksi of w2's paid June was a credit: issuing July's bill spent it (with the first SP2D's
    // unallocated Rp 500) on the oldest line there, the back-dated June (a part of Rp 0 to confirm).
    const [credit] =
      await sql`select pp.amount::int, array_agg(l.kind::text order by l.kind) as kinds from payment_parts pp join payment_lines pl on pl.part_id = pp.id
        join bill_lines l on l.id = pl.bill_line_id where pp.payment_id = (select id from payments where number = 'SP2D-001/2031') and pp.office_id = ${own.officeId}
        group by pp.id having bool_or(l.kind = 'koreksi')`;
    expect(credit).toEqual({ amount: 0, kinds: ["susulan", "koreksi"] });
    expect(own.amount).toBe(3 * 18_000);
    await Promise.allSettled([confirmPaymentPart(headA, own.id, "TB-A-002"), cancelPayment(a.supervisor, pay.id, "SP2D salah nomor")]);
    await checkInvariants();
    const [state] =
      await sql`select p.status::text as payment, pp.status::text as part from payments p join payment_parts pp on pp.payment_id = p.id where pp.id = ${own.id}`;
    expect([
      ["dicatat", "dikonfirmasi"],
      ["dibatalkan", "dibatalkan"],
    ]).toContainEqual([state!.payment, state!.part]);
    if (state!.part === "dikonfirmasi") {
      await Promise.allSettled([reversePaymentPart(headA, own.id, "TB salah ketik"), confirmPaymentPart(headA, own.id, "TB-A-003")]);
      const [after] = await sql`select status::text as s from payment_parts where id = ${own.id}`;
      expect(after!.s).toBe("dibalik");
      await checkInvariants();
      // What branch B's part held is freed for the next SP2D.
      await cancelPayment(a.supervisor, pay.id, "SP2D diganti");
    }
    const actuals = await getRegulationActualsForViewer(a.supervisor, a.regulationId, 2031);
    const [sums] = await sql`select
        (select coalesce(sum(pp.amount), 0) from payment_parts pp join payments p on p.id = pp.payment_id where p.regulation_id = ${a.regulationId} and pp.status = 'dikonfirmasi' and p.fiscal_year = 2031)::int as paid,
        (select coalesce(sum(case when l.kind = 'koreksi' then -l.amount else l.amount end), 0) from bill_lines l join bills b on b.id = l.bill_id where b.regulation_id = ${a.regulationId} and b.status = 'diterbitkan')::int as billed`;
    expect({ paid: actuals.paid, billed: actuals.billed }).toEqual(sums);
    await expectProgress("2031-07-05");
  });

  it("goes nonaktif after the grace, and paying the arrears later does not cover what happened while nonaktif", async () => {
    // w4 paid May only. On 16 September, June to September are 4 due months unpaid > 3.
    await at("2031-09-15");
    expect((await getWorkerContributionsForViewer(a.supervisor, ids.w4!)).state).toEqual({ kind: "menunggak", months: 3 });
    await at("2031-09-16");
    expect((await getWorkerContributionsForViewer(a.supervisor, ids.w4!)).state).toEqual({ kind: "nonaktif", months: 4, lapsed: false });
    await expectProgress("2031-09-16");
    for (const month of ["2031-08", "2031-09"]) await draftBillsForViewer(a.supervisor, { regulationId: a.regulationId, month });
    for (const b of await listBillsForViewer(headB, { regulationId: a.regulationId, status: "draf" })) await issueBill(headB, b.id, "42345678901");
    const pay = await recordPayment(a.supervisor, {
      regulationId: a.regulationId,
      number: "SP2D-003/2031",
      paidOn: "2031-09-16",
      amount: 16_800 + 18_000 * 3,
      idempotencyKey: uuid(),
      billIds: (await listBillsForViewer(headB, { regulationId: a.regulationId, status: "diterbitkan" })).map((b) => b.id),
      acceptOverBudget: true,
    });
    const payment3 = await getPaymentForViewer(a.supervisor, pay.id);
    expect(payment3.allocated).toBe(16_800 + 18_000 * 3);
    const part = (await getPaymentForViewer(headB, pay.id)).parts.find((p) => p.officeName.endsWith("B"))!;
    await at("2031-09-20");
    await confirmPaymentPart(headB, part.id, "TB-B-003");
    const after = await getWorkerContributionsForViewer(a.supervisor, ids.w4!, "2031-09-17");
    expect(after.state).toEqual({ kind: "lunas" });
    expect(after.masaIur).toBe(5);
    // An event on 17 September, while nonaktif, stays not covered: the arrears were confirmed on the 20th.
    expect(after.stateOnDay).toEqual({ kind: "nonaktif", months: 4, lapsed: false });
    await checkInvariants();
  });

  it("records a death once per person: the enrollment ends on that day and the months billed after it become credits", async () => {
    await at("2031-09-20");
    const other = await viewerFor("supervisor.kabtangerang@portal.test");
    // Bad input and other scopes: nothing written.
    await expect(recordDeath(headA, ids.w1!, "2031-09-21")).rejects.toMatchObject({ fieldErrors: { diedOn: expect.any(Array) } });
    await expect(recordDeath(headA, ids.w1!, "2031-04-30")).rejects.toMatchObject({ fieldErrors: { diedOn: expect.any(Array) } });
    await expect(recordDeath(headB, ids.w1!, "2031-06-10")).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordDeath(other, ids.w1!, "2031-06-10")).rejects.toBeInstanceOf(NotFoundError);
    const [none] = await sql`select count(*)::int as n from deaths d join workers w on w.nik = d.nik where w.id = ${ids.w1!}`;
    expect(none!.n).toBe(0);
    // The branch head serving the kecamatan records it (heirs often go to the branch); twice at once is one death.
    const twice = await Promise.allSettled([recordDeath(headA, ids.w1!, "2031-06-10"), recordDeath(a.supervisor, ids.w1!, "2031-06-10")]);
    expect(twice.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    await expect(recordDeath(a.officer, ids.w1!, "2031-06-11")).rejects.toThrow("sudah tercatat");
    const [w1] = await sql`select status::text, end_reason, ended_on::text from workers where id = ${ids.w1!}`;
    expect(w1).toEqual({ status: "berakhir", end_reason: "meninggal", ended_on: "2031-06-10" });
    expect(await getDeathForViewer(a.officer, ids.w1!)).toMatchObject({ diedOn: "2031-06-10", documentName: null });
    expect(await getDeathForViewer(headB, ids.w1!)).toBeNull();
    await expect(sql`update deaths set died_on = '2031-06-01' where worker_id = ${ids.w1!}`).rejects.toThrow(/deaths_immutable/);
    // The generic ending with "meninggal" records the death too (w2 ended so in May).
    expect(await getDeathForViewer(a.supervisor, ids.w2!)).toMatchObject({ diedOn: "2031-05-28" });
    await expect(recordDeath(a.supervisor, ids.w2!, "2031-05-28")).rejects.toThrow("sudah tercatat");
    // Billing stops after the month of death: the next draft credits every issued month after it and keeps none on drafts.
    await at("2031-10-02");
    await draftBillsForViewer(a.supervisor, { regulationId: a.regulationId, month: "2031-10" });
    const left = await sql`select to_char(l.month, 'YYYY-MM') as month, b.status::text as status,
        exists (select 1 from bill_lines k where k.corrects_line_id = l.id and k.kind = 'koreksi' and not k.voided) as credited
      from bill_lines l join bills b on b.id = l.bill_id
     where l.worker_id in (${ids.w1!}, ${ids.w2!}) and l.kind <> 'koreksi' and not l.voided and b.status <> 'batal'
       and l.month > case when l.worker_id = ${ids.w1!} then date '2031-06-01' else date '2031-05-01' end`;
    expect(left.filter((l) => l.status === "draf")).toEqual([]);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((l) => l.credited)).toBe(true);
    await checkInvariants();
  });

  it("past the rejoin window paying no longer restores: the branch head reactivates; an ended regulation's credit is refunded", async () => {
    // Everyone paid through September 2031 at most. G = 3, R = 3: on 16 April 2032 October to April are 7 due months > 6.
    await at("2032-04-15");
    expect((await getWorkerContributionsForViewer(a.supervisor, ids.w4!)).state).toEqual({ kind: "nonaktif", months: 6, lapsed: false });
    await at("2032-04-16");
    expect((await getWorkerContributionsForViewer(a.supervisor, ids.w4!)).state).toEqual({ kind: "nonaktif", months: 7, lapsed: true });
    const p = await expectProgress("2032-04-16");
    expect(p.lewatPemulihan).toBeGreaterThan(0);
    // The April draft bills the months since October as susulan; paying them now allocates nothing to lapsed people.
    await draftBillsForViewer(a.supervisor, { regulationId: a.regulationId, month: "2032-04" });
    for (const b of await listBillsForViewer(headB, { regulationId: a.regulationId, status: "draf" })) await issueBill(headB, b.id, "52345678901");
    for (const b of await listBillsForViewer(headA, { regulationId: a.regulationId, status: "draf" })) await issueBill(headA, b.id, "52345678902");
    const [lapsedLines] = await sql`select count(*)::int as n from bill_lines l join bills b on b.id = l.bill_id
      where b.regulation_id = ${a.regulationId} and b.status = 'diterbitkan' and l.kind <> 'koreksi' and not exists (select 1 from paid_months m where m.bill_line_id = l.id)`;
    expect(lapsedLines!.n).toBeGreaterThan(0);
    const creditBefore = (await getRegulationActualsForViewer(a.supervisor, a.regulationId, 2032)).credit;
    const late = await recordPayment(a.supervisor, {
      regulationId: a.regulationId,
      number: "SP2D-004/2032",
      paidOn: "2032-04-16",
      amount: 500_000,
      idempotencyKey: uuid(),
      billIds: null,
      acceptOverBudget: true,
    });
    expect(late.allocated).toBe(0);
    expect((await getRegulationActualsForViewer(a.supervisor, a.regulationId, 2032)).credit).toBe(creditBefore + 500_000);

    // Only the branch head serving the kecamatan reactivates, and only a lapsed person.
    await expect(reactivateContributions(a.supervisor, ids.w4!, "dana pemda terlambat")).rejects.toThrow("tidak berwenang");
    await expect(reactivateContributions(headA, ids.w4!, "dana pemda terlambat")).rejects.toBeInstanceOf(NotFoundError);
    await expect(reactivateContributions(headB, ids.w4!, "")).rejects.toMatchObject({ fieldErrors: { reason: expect.any(Array) } });
    await reactivateContributions(headB, ids.w4!, "dana pemda terlambat cair");
    const w4 = await getWorkerContributionsForViewer(a.supervisor, ids.w4!);
    // Restarted on 16 April (after the 15th): April falls due with May; masa iur keeps the five months paid.
    expect(w4.state).toEqual({ kind: "belum_jatuh_tempo" });
    expect(w4.masaIur).toBe(5);
    expect(w4.reactivations.map((r) => r.on)).toEqual(["2032-04-16"]);
    await expect(reactivateContributions(headB, ids.w4!, "dana pemda terlambat cair")).rejects.toThrow("Reaktivasi hanya");
    await expect(sql`delete from contribution_reactivations where nik = (select nik from workers where id = ${ids.w4!})`).rejects.toThrow(/append_only/);
    await expectProgress("2032-04-16");
    // A kecamatan no branch serves any more: its people are "tidak tertagih" at once (the rollup is rebuilt), and back.
    const [cov] = await sql`delete from branch_coverage where district_code = ${kec.b} returning office_id`;
    expect((await expectProgress("2032-04-16")).tidakTertagih).toBeGreaterThan(0);
    await sql`insert into branch_coverage (district_code, office_id) values (${kec.b}, ${cov!.office_id})`;
    await expectProgress("2032-04-16");
    // Months before the restart stay unpaid and unpayable; April of the new membership is payable.
    const april = await recordPayment(a.supervisor, {
      regulationId: a.regulationId,
      number: "SP2D-005/2032",
      paidOn: "2032-04-16",
      amount: 18_000,
      idempotencyKey: uuid(),
      billIds: (await listBillsForViewer(headB, { regulationId: a.regulationId, status: "diterbitkan" })).filter((b) => b.month === "2032-04").map((b) => b.id),
      acceptOverBudget: true,
    });
    expect(april.allocated).toBe(18_000);
    const [line] =
      await sql`select to_char(l.month, 'YYYY-MM') as month from payment_parts pp join payment_lines pl on pl.part_id = pp.id join bill_lines l on l.id = pl.bill_line_id
      where pp.payment_id = ${april.id}`;
    expect(line!.month).toBe("2032-04");
    await checkInvariants();

    // The regulation ends: the credit left (the late SP2D, and the credit the first one left) becomes one refund to the Kas Daerah.
    const before = await getRegulationActualsForViewer(a.supervisor, a.regulationId, 2032);
    await endRegulation(a.supervisor, a.regulationId, { endedOn: "2032-04-16", reason: "expired", workers: "end", successorId: null });
    const [refund] = await listRefundsForViewer(a.supervisor, { regulationId: a.regulationId });
    expect(refund).toMatchObject({ amount: before.credit, status: "diajukan" });
    const [recount] = await sql`select (select coalesce(sum(amount), 0) from payments where regulation_id = ${a.regulationId} and status = 'dicatat')
        - (select coalesce(sum(pp.amount), 0) from payment_parts pp join payments p on p.id = pp.payment_id where p.regulation_id = ${a.regulationId} and p.status = 'dicatat' and pp.status in ('menunggu', 'dikonfirmasi')) as left`;
    expect(refund!.amount).toBe(Number(recount!.left));
    const after = await getRegulationActualsForViewer(a.supervisor, a.regulationId, 2032);
    expect([after.credit, after.refunded]).toEqual([0, before.credit]);
    await expect(cancelPayment(a.supervisor, late.id, "salah catat nomor")).rejects.toThrow("pengembalian");
    // Received with the STS: the date is checked, twice is refused, another area finds nothing.
    await expect(receiveRefund(a.supervisor, refund!.id, { receivedOn: "2032-04-17", reference: "STS-001" })).rejects.toMatchObject({
      fieldErrors: { receivedOn: expect.any(Array) },
    });
    const other = await viewerFor("supervisor.kabtangerang@portal.test");
    await expect(receiveRefund(other, refund!.id, { receivedOn: "2032-04-16", reference: "STS-001" })).rejects.toBeInstanceOf(NotFoundError);
    await receiveRefund(a.supervisor, refund!.id, { receivedOn: "2032-04-16", reference: "STS-001/BKAD/2032" });
    await expect(receiveRefund(a.supervisor, refund!.id, { receivedOn: "2032-04-16", reference: "STS-001/BKAD/2032" })).rejects.toThrow("sudah dicatat");
    expect((await listRefundsForViewer(headB)).map((r) => [r.id, r.status])).toContainEqual([refund!.id, "diterima"]);
    await expect(sql`update credit_refund_payments set amount = 1 where refund_id = ${refund!.id}`).rejects.toThrow(/frozen/);
    await checkInvariants();
  });
});
