// Claims end to end on the data layer: coverage on the event date from real bills, SP2D payments
// and confirmations; what each claim is worth; documents through the file door (type sniffed);
// BPJS's steps by the branch head; scope; the invariants in PostgreSQL; the value figures
// recounted in plain SQL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/connection";
import type { Viewer } from "@/lib/authz/viewer";
import { hashPassword } from "@/lib/auth/password";
import { draftBillsForViewer, issueBill, listBillsForViewer } from "@/lib/data/billing";
import {
  decideClaim,
  getBenefitFiguresForViewer,
  getClaimDocumentForViewer,
  getClaimForViewer,
  listClaimsForViewer,
  openClaim,
  recordClaimPayment,
  refuseClaim,
  setClaimDocument,
  submitClaim,
  type ClaimInput,
} from "@/lib/data/claims";
import { setPortalClock } from "@/lib/data/clock";
import { NotFoundError } from "@/lib/data/errors";
import { confirmPaymentPart, getPaymentForViewer, recordPayment } from "@/lib/data/payments";
import { getDeathForViewer } from "@/lib/data/workers";
import { requiredDocuments, type DocumentKind } from "@/lib/domain/claims";
import { addMonths } from "@/lib/domain/wib";
import { HttpError } from "@/lib/http-error";
import { receiveUpload } from "@/lib/storage";
import { importArea, type ImportArea } from "../support/import-area";
import { viewerFor } from "../support/viewers";
import { claimNikNamespace, makeNik } from "../support/workers";

claimNikNamespace(10);

const AREA = "32.08"; // Kab. Kuningan: used only by this file
const YEAR = "2029"; // months no other test bills
const sql = connect(inject("databaseUrl"), 2).sql;
let a: ImportArea;
let head: Viewer;
let otherHead: Viewer;
let kec: string;
const ids: Record<string, number> = {};
const kpj: Record<string, string> = {};
const at = (day: string) => setPortalClock(`${day}T03:00:00Z`);
const uuid = () => crypto.randomUUID();
let sp2d = 0;

async function aktifWorker(name: string, coverageStart: string, income = 1_000_000) {
  const nik = makeNik();
  kpj[name] = `KNG${nik.slice(-9)}`;
  const [w] =
    await sql`insert into workers (nik, name, birth_date, sex, regency_code, district_code, status, regulation_id, kpj_number, coverage_start, submitted_at, income)
    values (${nik}, ${name}, '1980-03-12', 'L', ${AREA}, ${kec}, 'aktif', ${a.regulationId}, ${kpj[name]}, ${coverageStart}, now(), ${income}) returning id`;
  await sql`update regulations set counted = counted + 1 where id = ${a.regulationId}`;
  ids[name] = Number(w!.id);
}

/**
 * Drafts, issues, pays (holding back some people) and confirms one month on its 5th, as the Dinas
 * and the branch would; or, given bills, pays what is left on them today (arrears paid late).
 */
async function billAndPay(month: string, hold: string[], bills?: number[]) {
  const day = bills ? `${YEAR}-11-26` : `${month}-05`;
  await at(day);
  if (!bills) {
    await draftBillsForViewer(a.supervisor, { regulationId: a.regulationId, month });
    for (const b of await listBillsForViewer(head, { regulationId: a.regulationId, status: "draf" })) await issueBill(head, b.id, "61234567890");
  }
  const chosen =
    bills ?? (await listBillsForViewer(head, { regulationId: a.regulationId, status: "diterbitkan" })).filter((b) => b.month === month).map((b) => b.id);
  const [due] = await sql`select coalesce(sum(l.amount), 0)::int as n from bill_lines l join workers w on w.id = l.worker_id
    where l.bill_id = any(${`{${chosen.join(",")}}`}::int[]) and l.kind <> 'koreksi' and not (w.kpj_number = any(${`{${hold.map((h) => kpj[h]).join(",")}}`}::text[]))
      and not exists (select 1 from paid_months m where m.nik = l.nik and m.month = l.month)`;
  if (!due!.n) return;
  const p = await recordPayment(a.supervisor, {
    regulationId: a.regulationId,
    number: `SP2D-KLAIM-${++sp2d}/${YEAR}`,
    paidOn: day,
    amount: due!.n,
    idempotencyKey: uuid(),
    billIds: chosen,
    acceptOverBudget: true,
    holdKpj: hold.map((h) => kpj[h]!),
  });
  for (const part of (await getPaymentForViewer(head, p.id)).parts) await confirmPaymentPart(head, part.id, `TB-KLAIM-${sp2d}`);
}

function pdf(bytes = 1000) {
  const body = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(bytes, 0x20)]);
  return new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new Uint8Array(body));
      c.close();
    },
  });
}

async function upload(viewer: Viewer, claimId: number, kind: DocumentKind, body = pdf()) {
  const f = await receiveUpload(body, { createdBy: viewer.id, kind: "claim_document", accept: ["pdf", "jpeg", "png"], refused: "bukan dokumen" });
  await setClaimDocument(viewer, claimId, kind, { fileId: f.id, name: `${kind}.pdf` });
}

async function completeDocuments(viewer: Viewer, claimId: number) {
  const c = await getClaimForViewer(viewer, claimId);
  for (const d of c.documents) if (d.required && !d.name) await upload(viewer, claimId, d.kind);
}

const claim = (over: Partial<ClaimInput> & { workerId: number }): ClaimInput => ({
  type: "jkm",
  jkkKind: null,
  eventDate: `${YEAR}-11-20`,
  eventTime: null,
  place: "Rumah",
  description: "Meninggal dunia di rumah (uji).",
  child: null,
  ...over,
});

beforeAll(async () => {
  a = await importArea(AREA, 100);
  const [d] = await sql`select min(code) as code from districts where regency_code = ${AREA}`;
  kec = d!.code;
  await sql`insert into offices (kind, name, province_code) values ('kantor_wilayah', 'Kanwil Jawa Barat (uji)', '32') on conflict (name) do nothing`;
  const [kanwil] = await sql`select id from offices where kind = 'kantor_wilayah' and province_code = '32'`;
  const [o] = await sql`insert into offices (kind, name, parent_id, province_code) values ('kantor_cabang', 'KC Uji Klaim', ${kanwil!.id}, '32')
    on conflict (name) do update set name = excluded.name returning id`;
  await sql`insert into branch_coverage (district_code, office_id) values (${kec}, ${o!.id}) on conflict do nothing`;
  const [o2] = await sql`insert into offices (kind, name, parent_id, province_code) values ('kantor_cabang', 'KC Uji Klaim Lain', ${kanwil!.id}, '32')
    on conflict (name) do update set name = excluded.name returning id`;
  for (const [email, office] of [
    ["kacab.klaim@portal.test", o!.id],
    ["kacab.klaimlain@portal.test", o2!.id],
  ] as const)
    await sql`insert into users (email, name, password_hash, role, office_id) values (${email}, ${email}, ${await hashPassword("x-unused-password")}, 'kepala_cabang', ${office})
      on conflict ((lower(email))) do nothing`;
  head = await viewerFor("kacab.klaim@portal.test");
  otherHead = await viewerFor("kacab.klaimlain@portal.test");
  await aktifWorker("lunas", `${YEAR}-01-02`);
  await aktifWorker("baru", `${YEAR}-10-01`);
  await aktifWorker("menunggak", `${YEAR}-01-02`, 3_500_000);
  await aktifWorker("nonaktif", `${YEAR}-01-02`);
  // January to November: "menunggak" unpaid from October, "nonaktif" from July.
  for (let m = `${YEAR}-01`; m <= `${YEAR}-11`; m = addMonths(m, 1)) {
    const hold = [...(m >= `${YEAR}-10` ? ["menunggak"] : []), ...(m >= `${YEAR}-07` ? ["nonaktif"] : [])];
    await billAndPay(m, hold);
  }
  await at(`${YEAR}-11-26`);
});

afterAll(async () => {
  await setPortalClock(process.env.PORTAL_CLOCK!);
  await sql.end({ timeout: 5 });
});

describe("claims", () => {
  it("a JKM death of a member paid through the event month: Rp 42.000.000 in three components, decided and paid to two heirs", async () => {
    // Bad input and other scopes, nothing written.
    await expect(openClaim(a.officer, claim({ workerId: ids.lunas!, eventDate: `${YEAR}-11-27` }))).rejects.toMatchObject({
      fieldErrors: { eventDate: expect.any(Array) },
    });
    await expect(openClaim(a.officer, claim({ workerId: ids.lunas!, eventDate: `${YEAR}-01-01` }))).rejects.toMatchObject({
      fieldErrors: { eventDate: expect.any(Array) },
    });
    await expect(openClaim(otherHead, claim({ workerId: ids.lunas! }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(openClaim(await viewerFor("supervisor.kabtangerang@portal.test"), claim({ workerId: ids.lunas! }))).rejects.toBeInstanceOf(NotFoundError);
    const [none] = await sql`select count(*)::int as n from claims where worker_id = ${ids.lunas!}`;
    expect(none!.n).toBe(0);

    // The branch head opens it (heirs often go to the branch); the death is recorded in the same step and the enrollment ends.
    const { id } = await openClaim(head, claim({ workerId: ids.lunas! }));
    expect(await getDeathForViewer(a.officer, ids.lunas!)).toMatchObject({ diedOn: `${YEAR}-11-20` });
    const [w] = await sql`select status::text, end_reason, ended_on::text from workers where id = ${ids.lunas!}`;
    expect(w).toEqual({ status: "berakhir", end_reason: "meninggal", ended_on: `${YEAR}-11-20` });
    // One open claim per person, type and event; one death claim per death.
    await expect(openClaim(a.officer, claim({ workerId: ids.lunas! }))).rejects.toThrow("Sudah ada klaim");
    await expect(openClaim(a.officer, claim({ workerId: ids.lunas!, type: "jkk", jkkKind: "kematian", eventTime: "08:00" }))).rejects.toThrow(
      "Sudah ada klaim",
    );

    const c = await getClaimForViewer(a.officer, id);
    expect(c.coverage).toMatchObject({ covered: true, arrearsAmount: 0, masaIur: 11 });
    expect(c.benefit).toMatchObject({ kind: "amount", total: 42_000_000, childrenEligible: false });
    if (c.benefit.kind === "amount") expect(c.benefit.components.map((k) => k.amount)).toEqual([20_000_000, 12_000_000, 10_000_000]);
    expect(c.status).toBe("dilaporkan");

    // Documents: sniffed from the bytes, ≤ 10 MB; the checklist complete makes the claim "dokumen lengkap".
    const exe = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(new Uint8Array(Buffer.from("MZ\x90\x00 this is a program renamed .pdf")));
        ctl.close();
      },
    });
    await expect(upload(a.officer, id, "akta_kematian", exe)).rejects.toMatchObject({ status: 415 });
    await expect(upload(a.officer, id, "akta_kematian", pdf(15 * 1024 * 1024))).rejects.toBeInstanceOf(HttpError);
    const [docs0] = await sql`select count(*)::int as n from claim_documents where claim_id = ${id}`;
    expect(docs0!.n).toBe(0);
    await expect(submitClaim(a.officer, id)).rejects.toThrow("Lengkapi dokumen");
    await completeDocuments(a.officer, id);
    expect((await getClaimForViewer(a.officer, id)).status).toBe("dokumen_lengkap");
    expect(requiredDocuments("jkm", null).length).toBe((await getClaimForViewer(a.officer, id)).documents.filter((d) => d.name).length);
    // Viewing a document is on the worker's trail.
    await getClaimDocumentForViewer(head, id, "akta_kematian");
    const [viewed] =
      await sql`select count(*)::int as n from audit_log where action = 'claim.document_view' and entity_type = 'worker' and entity_id = ${String(ids.lunas)}`;
    expect(viewed!.n).toBe(1);

    await submitClaim(a.officer, id);
    // Only the branch head decides; the area cannot.
    await expect(decideClaim(a.supervisor, id, { penetapanNumber: "PEN-1", components: [{ code: "santunan_sekaligus", amount: 1 }] })).rejects.toThrow(
      "tidak berwenang",
    );
    await expect(decideClaim(otherHead, id, { penetapanNumber: "PEN-1", components: [{ code: "santunan_sekaligus", amount: 1 }] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(decideClaim(head, id, { penetapanNumber: "PEN-1", components: [{ code: "santunan_sekaligus", amount: -5 }] })).rejects.toMatchObject({
      fieldErrors: { components: expect.any(Array) },
    });
    await decideClaim(head, id, {
      penetapanNumber: "PEN/KLAIM/001",
      components: c.benefit.kind === "amount" ? c.benefit.components : [],
    });
    await expect(
      recordClaimPayment(head, id, { heirName: "Istri", relationship: "istri", amount: 50_000_000, paidOn: `${YEAR}-11-26`, accountLast4: null }),
    ).rejects.toMatchObject({
      fieldErrors: { amount: expect.any(Array) },
    });
    expect(
      await recordClaimPayment(head, id, {
        heirName: "Siti (istri)",
        relationship: "istri",
        amount: 30_000_000,
        paidOn: `${YEAR}-11-26`,
        accountLast4: "1234",
      }),
    ).toEqual({
      paidInFull: false,
    });
    expect(
      await recordClaimPayment(head, id, { heirName: "Budi (anak)", relationship: "anak", amount: 12_000_000, paidOn: `${YEAR}-11-26`, accountLast4: null }),
    ).toEqual({
      paidInFull: true,
    });
    const paid = await getClaimForViewer(a.officer, id);
    expect([paid.status, paid.decided, paid.paid]).toEqual(["dibayar", 42_000_000, 42_000_000]);
    // A paid claim is immutable in the database, whoever writes.
    await expect(sql`update claims set description = 'ubah' where id = ${id}`).rejects.toThrow(/claims_paid_immutable/);
    await expect(sql`update claim_components set amount = 1 where claim_id = ${id}`).rejects.toThrow(/claim_parts_frozen/);
    await expect(sql`delete from claim_payments where claim_id = ${id}`).rejects.toThrow(/claim_parts_frozen/);
    await expect(upload(a.officer, id, "kuitansi")).rejects.toThrow("sudah selesai");
  });

  it("a death within the first three months of membership gets Rp 10.000.000", async () => {
    const { id } = await openClaim(a.officer, claim({ workerId: ids.baru!, eventDate: `${YEAR}-11-25` }));
    expect((await getClaimForViewer(a.supervisor, id)).benefit).toMatchObject({ total: 10_000_000 });
  });

  it("a JKK death in arrears: covered, computed on Rp 1.000.000 whatever was declared, paid only after the arrears", async () => {
    await expect(openClaim(a.officer, claim({ workerId: ids.menunggak!, type: "jkk", jkkKind: "kematian" }))).rejects.toMatchObject({
      fieldErrors: { eventTime: expect.any(Array) },
    });
    const { id } = await openClaim(a.officer, claim({ workerId: ids.menunggak!, type: "jkk", jkkKind: "kematian", eventTime: "09:30", place: "Pasar" }));
    const c = await getClaimForViewer(head, id);
    // October and November due by 20 November, unpaid: Rp 33.600 to settle before the claim is paid.
    expect(c.coverage).toMatchObject({ covered: true, arrearsMonths: 2, arrearsAmount: 33_600, state: { kind: "menunggak", months: 2 } });
    expect(c.coverage.message).toContain("Rp 33.600");
    expect(c.benefit).toMatchObject({ total: 70_000_000, childrenEligible: true });
    if (c.benefit.kind === "amount") expect(c.benefit.components[0]).toEqual({ code: "santunan_kematian_jkk", amount: 48_000_000 });
    // The accident report: due 2 × 24 hours after 09.30 WIB on 20 November; opened on the 26th, not yet uploaded: missed.
    expect(c.deadline).toMatchObject({ met: false });
    await completeDocuments(a.officer, id);
    await submitClaim(head, id);
    await decideClaim(head, id, { penetapanNumber: "PEN/KLAIM/002", components: c.benefit.kind === "amount" ? c.benefit.components : [] });
    const pay = { heirName: "Ani (istri)", relationship: "istri", amount: 70_000_000, paidOn: `${YEAR}-11-26`, accountLast4: null };
    await expect(recordClaimPayment(head, id, pay)).rejects.toThrow("Tunggakan Rp 33.600 harus dilunasi");
    // The Dinas pays October and November for this person; BPJS confirms.
    const bills = (await listBillsForViewer(head, { regulationId: a.regulationId, status: "diterbitkan" }))
      .filter((b) => b.month >= `${YEAR}-10`)
      .map((b) => b.id);
    await billAndPay(`${YEAR}-11`, ["nonaktif"], bills);
    expect((await getClaimForViewer(head, id)).coverage).toMatchObject({ covered: true, arrearsAmount: 0 });
    await recordClaimPayment(head, id, pay);
    expect((await getClaimForViewer(head, id)).status).toBe("dibayar");
  });

  it("an event while nonaktif stays not covered, also after the arrears are paid; refused, the death stays recorded", async () => {
    const { id } = await openClaim(a.supervisor, claim({ workerId: ids.nonaktif! }));
    const c = await getClaimForViewer(a.supervisor, id);
    expect(c.coverage).toMatchObject({ covered: false, state: { kind: "nonaktif" }, lastPaidMonth: `${YEAR}-06` });
    expect(c.coverage.message).toContain("iuran terakhir dibayar untuk Juni 2029");
    const bills = (await listBillsForViewer(head, { regulationId: a.regulationId, status: "diterbitkan" }))
      .filter((b) => b.month >= `${YEAR}-07`)
      .map((b) => b.id);
    await billAndPay(`${YEAR}-11`, [], bills);
    expect((await getClaimForViewer(a.supervisor, id)).coverage.covered).toBe(false);
    await completeDocuments(a.supervisor, id);
    await submitClaim(a.supervisor, id);
    await expect(decideClaim(head, id, { penetapanNumber: "PEN/KLAIM/003", components: [{ code: "santunan_sekaligus", amount: 20_000_000 }] })).rejects.toThrow(
      "harus ditolak",
    );
    await expect(refuseClaim(head, id, "")).rejects.toMatchObject({ fieldErrors: { reason: expect.any(Array) } });
    await refuseClaim(head, id, "Tidak terlindungi: nonaktif karena tunggakan pada tanggal kejadian");
    expect((await getClaimForViewer(a.supervisor, id)).status).toBe("ditolak");
    expect(await getDeathForViewer(a.supervisor, ids.nonaktif!)).toMatchObject({ diedOn: `${YEAR}-11-20` });
  });

  it("beasiswa after a JKK death, per child and school year, at most two children, a guardian for a minor", async () => {
    const child = (name: string, birthDate = "2019-05-01") => ({
      name,
      birthDate,
      level: "tk_sd" as const,
      guardianName: "Ani (ibu)",
      notMarriedNotWorking: true,
    });
    // The JKM death with 11 months of masa iur makes no child eligible.
    await expect(openClaim(a.officer, claim({ workerId: ids.lunas!, type: "beasiswa", child: child("Anak Lunas") }))).rejects.toThrow("tidak berhak");
    await expect(
      openClaim(a.officer, claim({ workerId: ids.menunggak!, type: "beasiswa", child: { ...child("Dewi"), guardianName: null } })),
    ).rejects.toMatchObject({
      fieldErrors: { guardianName: expect.any(Array) },
    });
    await expect(openClaim(a.officer, claim({ workerId: ids.menunggak!, type: "beasiswa", child: child("Tua", "2005-01-01") }))).rejects.toMatchObject({
      fieldErrors: { childBirthDate: expect.any(Array) },
    });
    // The benefit ends when the child marries or works: the heir's statement is asked for.
    await expect(
      openClaim(a.officer, claim({ workerId: ids.menunggak!, type: "beasiswa", child: { ...child("Dewi"), notMarriedNotWorking: false } })),
    ).rejects.toMatchObject({ fieldErrors: { notMarriedNotWorking: expect.any(Array) } });
    const first = await openClaim(a.officer, claim({ workerId: ids.menunggak!, type: "beasiswa", child: child("Dewi") }));
    expect((await getClaimForViewer(a.officer, first.id)).benefit).toMatchObject({ total: 1_500_000 });
    await expect(openClaim(a.officer, claim({ workerId: ids.menunggak!, type: "beasiswa", child: child("Dewi") }))).rejects.toThrow("Sudah ada klaim");
    await openClaim(a.officer, claim({ workerId: ids.menunggak!, type: "beasiswa", child: child("Eka") }));
    await expect(openClaim(a.officer, claim({ workerId: ids.menunggak!, type: "beasiswa", child: child("Fajar") }))).rejects.toThrow(
      "paling banyak untuk 2 anak",
    );
  });

  it("lists claims by scope and shows the value: santunan paid this year beside the contributions paid, equal to a plain recount", async () => {
    expect((await listClaimsForViewer(otherHead)).filter((c) => c.regencyName.includes("KUNINGAN") || c.regencyName.includes("Kuningan"))).toEqual([]);
    expect((await listClaimsForViewer(head)).length).toBeGreaterThanOrEqual(5);
    const f = await getBenefitFiguresForViewer(a.supervisor, { regencyCode: AREA }, Number(YEAR));
    const [r] = await sql`select (select coalesce(sum(p.amount), 0) from claim_payments p join claims c on c.id = p.claim_id
        where c.regency_code = ${AREA} and extract(year from p.paid_on) = ${YEAR}::int)::bigint as santunan,
      (select coalesce(sum(pp.amount), 0) from payment_parts pp join payments p on p.id = pp.payment_id
        where p.regency_code = ${AREA} and p.fiscal_year = ${YEAR}::int and pp.status = 'dikonfirmasi')::bigint as iuran`;
    expect([f.total, f.contributionsPaid]).toEqual([Number(r!.santunan), Number(r!.iuran)]);
    expect(f.total).toBe(112_000_000);
    expect(f.byType.map((t) => [t.type, t.count, t.amount])).toEqual([
      ["jkk", 1, 70_000_000],
      ["jkm", 1, 42_000_000],
    ]);
  });
});
