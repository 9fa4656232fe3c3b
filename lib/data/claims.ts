import "server-only";
import { sql } from "drizzle-orm";
import { and, eq } from "drizzle-orm";
import { db, type Executor, type Tx } from "@/db/client";
import { workers } from "@/db/schema";
import { assertCan } from "@/lib/authz/permissions";
import { enrollmentInScope, scopeOf } from "@/lib/authz/scope";
import type { Viewer } from "@/lib/authz/viewer";
import { now as clockNow, nowIn, today as clockToday } from "@/lib/clock";
import { computeBenefit, RATE_CODES, type BenefitResult, type ClaimType, type JkkKind, type Rates, type SchoolLevel } from "@/lib/domain/benefits";
import { accidentReportDeadline, canMoveClaim, requiredDocuments, schoolYearOf, type ClaimStatus, type DocumentKind } from "@/lib/domain/claims";
import { contributionState, lastDueMonth, type ContributionState } from "@/lib/domain/contribution-state";
import { maskNik } from "@/lib/domain/nik";
import { addMonths, dayLabel, monthLabel } from "@/lib/domain/wib";
import { formatRupiah } from "@/lib/format";
import { writeAudit } from "./audit";
import { isUniqueViolation, NotFoundError, UserFacingError } from "./errors";
import { endEnrollment, insertDeath, type WorkerRow } from "./internal/enrollment";
import { heirsOf, type HeirView } from "./internal/heirs";
import { firstRow, rows } from "./internal/rows";

// Claim cases (kasus klaim) for santunan JKM / JKK and beasiswa: opened by the area (officer,
// supervisor) or the branch head serving the kecamatan; coverage on the event date from the paid
// months; the amount from the effective-dated rates; BPJS's steps by the branch head. Every change
// is on the worker's audit trail (the processing record). See docs/benefits.md.

const claimScope = (viewer: Viewer) => enrollmentInScope(scopeOf(viewer), sql`c.regency_code`, sql`c.district_code`);

/** The rates in force on a day (the latest row of each code from on or before it). */
async function ratesOn(exec: Executor, day: string): Promise<Rates> {
  const list = await rows<{ code: string; amount: number }>(
    exec,
    sql`select distinct on (code) code, amount from benefit_rates where effective_from <= ${day}::date order by code, effective_from desc`,
  );
  const out = {} as Rates;
  for (const code of RATE_CODES) {
    const r = list.find((x) => x.code === code);
    if (!r) throw new Error(`benefit rate ${code} missing on ${day}`);
    out[code] = Number(r.amount);
  }
  return out;
}

export type CoverageOnEvent = {
  state: ContributionState | null;
  covered: boolean;
  /** Due months unpaid at the event that are still unpaid today, and their amount at each month's tariff. */
  arrearsMonths: number;
  arrearsAmount: number;
  lastPaidMonth: string | null;
  membershipStart: string | null;
  masaIur: number;
  message: string;
};

/**
 * Coverage of a person on the event day, from the months paid as confirmed by that day (an event
 * while nonaktif stays not covered even when the arrears are paid later): covered; covered with
 * arrears to settle before the claim is paid; or not covered, with the last month paid.
 */
async function coverageOnEvent(exec: Executor, nik: string, workerId: number, eventDate: string): Promise<CoverageOnEvent> {
  const w = await firstRow<{ start: string | null; grace: number | null; rejoin: number | null; covered: boolean }>(
    exec,
    sql`select membership_start(w.nik, w.coverage_start, r.starts_on)::text as start, r.arrears_grace_months as grace, r.rejoin_months as rejoin,
         exists (select 1 from branch_coverage bc where bc.district_code = w.district_code) as covered
       from workers w left join regulations r on r.id = coalesce(w.regulation_id,
         (select s.regulation_id from coverage_spans s where s.worker_id = w.id and s.starts_on <= ${eventDate}::date order by s.starts_on desc limit 1))
      where w.id = ${workerId}`,
  );
  const paid = await rows<{ month: string; confirmedOn: string }>(
    exec,
    sql`select to_char(month, 'YYYY-MM') as month, confirmed_on::text as "confirmedOn" from paid_months where nik = ${nik} order by month`,
  );
  const start = w?.start ?? null;
  const masaIur = paid.filter((p) => p.month <= eventDate.slice(0, 7)).length;
  const lastPaid = paid.filter((p) => p.confirmedOn <= eventDate).at(-1)?.month ?? null;
  if (!start)
    return {
      state: null,
      covered: false,
      arrearsMonths: 0,
      arrearsAmount: 0,
      lastPaidMonth: lastPaid,
      membershipStart: null,
      masaIur,
      message: "Belum pernah aktif sebagai peserta.",
    };
  if (!w!.covered)
    return {
      state: { kind: "tidak_tertagih" },
      covered: false,
      arrearsMonths: 0,
      arrearsAmount: 0,
      lastPaidMonth: lastPaid,
      membershipStart: start,
      masaIur,
      message: "Tidak terlindungi pada tanggal kejadian: kecamatannya belum dilayani kantor cabang, iurannya tidak tertagih.",
    };
  const state = contributionState({
    paid: paid.filter((p) => p.confirmedOn <= eventDate).map((p) => p.month),
    startMonth: start.slice(0, 7),
    lateStart: Number(start.slice(8, 10)) > 15,
    day: eventDate,
    grace: w!.grace ?? 3,
    rejoin: w!.rejoin ?? 3,
  });
  // Due months at the event not paid today, each at its month's tariff.
  const dueEnd = lastDueMonth(eventDate, start.slice(0, 7), Number(start.slice(8, 10)) > 15);
  const unpaidNow = [] as string[];
  const paidNow = new Set(paid.map((p) => p.month));
  for (let m = start.slice(0, 7); m <= dueEnd; m = addMonths(m, 1)) if (!paidNow.has(m)) unpaidNow.push(m);
  const arrears = unpaidNow.length
    ? await firstRow<{ amount: number }>(
        exec,
        sql`select coalesce(sum((select jkk + jkm from tariffs t where t.effective_from <= m.m order by t.effective_from desc limit 1)), 0)::bigint as amount
           from unnest(${`{${unpaidNow.map((m) => `${m}-01`).join(",")}}`}::date[]) as m(m)`,
      )
    : { amount: 0 };
  const arrearsAmount = Number(arrears?.amount ?? 0);
  const lastPaidText = lastPaid ? `iuran terakhir dibayar untuk ${monthLabel(lastPaid)}` : "belum ada iuran yang dibayar";
  if (state.kind === "nonaktif")
    return {
      state,
      covered: false,
      arrearsMonths: unpaidNow.length,
      arrearsAmount,
      lastPaidMonth: lastPaid,
      membershipStart: start,
      masaIur,
      message: `Tidak terlindungi pada tanggal kejadian; ${lastPaidText}. Pembayaran tunggakan kemudian tidak membuat kejadian ini terlindungi.`,
    };
  if (state.kind === "menunggak")
    return {
      state,
      covered: true,
      arrearsMonths: unpaidNow.length,
      arrearsAmount,
      lastPaidMonth: lastPaid,
      membershipStart: start,
      masaIur,
      message: arrearsAmount
        ? `Terlindungi, tetapi menunggak: tunggakan ${formatRupiah(arrearsAmount)} harus dilunasi sebelum klaim dibayar.`
        : "Terlindungi; tunggakan pada tanggal kejadian sudah dilunasi.",
    };
  return {
    state,
    covered: true,
    arrearsMonths: 0,
    arrearsAmount: 0,
    lastPaidMonth: lastPaid,
    membershipStart: start,
    masaIur,
    message: "Terlindungi pada tanggal kejadian.",
  };
}

export type ClaimInput = {
  workerId: number;
  type: ClaimType;
  jkkKind: JkkKind | null;
  eventDate: string;
  /** JKK: the accident's time of day (WIB, "HH:MM"). */
  eventTime: string | null;
  place: string;
  description: string;
  /** Beasiswa: the child; `notMarriedNotWorking` is the heir's statement (the benefit ends at marriage or work). */
  child: { name: string; birthDate: string; level: SchoolLevel; guardianName: string | null; notMarriedNotWorking: boolean } | null;
};

async function lockWorkerInScope(tx: Tx, viewer: Viewer, id: number): Promise<WorkerRow> {
  const [row] = await tx
    .select()
    .from(workers)
    .where(and(eq(workers.id, id), enrollmentInScope(scopeOf(viewer), workers.regencyCode, workers.districtCode)))
    .for("update");
  if (!row) throw new NotFoundError("Pekerja");
  return row;
}

/**
 * Opens a claim case. A death claim (JKM, or JKK with death) starts from the person's recorded
 * death, or records it in the same step (its date is the event date, and the enrollment ends
 * then). Beasiswa follows a decided claim that made children eligible, per child and school year.
 */
export async function openClaim(viewer: Viewer, input: ClaimInput): Promise<{ id: number }> {
  assertCan(viewer.role, "claims.open");
  const today = await clockToday();
  const description = input.description.trim();
  if (description.length < 5) throw new UserFacingError("Tulis uraian kejadian.", { description: ["Uraian kejadian wajib diisi (minimal 5 karakter)."] });
  if (input.type !== "beasiswa" && input.eventDate > today)
    throw new UserFacingError("Tanggal kejadian tidak boleh setelah hari ini.", { eventDate: ["Tanggal kejadian tidak boleh setelah hari ini."] });
  if (input.type === "jkk" && !input.jkkKind) throw new UserFacingError("Pilih jenis kecelakaan kerja.", { jkkKind: ["Pilih jenis kecelakaan kerja."] });
  if (input.type === "jkk" && !/^([01]\d|2[0-3]):[0-5]\d$/.test(input.eventTime ?? ""))
    throw new UserFacingError("Isi jam kejadian.", { eventTime: ["Isi jam kejadian (WIB), untuk batas laporan 2 × 24 jam."] });
  const death = input.type === "jkm" || input.jkkKind === "kematian";
  try {
    return await db().transaction(async (tx) => {
      const w = await lockWorkerInScope(tx, viewer, input.workerId);
      let eventDate = input.eventDate;
      let deathId: number | null = null;
      let eventKey = eventDate;
      let child: ClaimInput["child"] = null;
      if (input.type === "beasiswa") {
        const basis = await firstRow<{ eventDate: string; type: ClaimType; jkkKind: JkkKind | null }>(
          tx,
          sql`select c.event_date::text as "eventDate", c.type::text as type, c.jkk_kind::text as "jkkKind" from claims c
             where c.nik = ${w.nik} and c.type <> 'beasiswa' and c.status in ('ditetapkan', 'dibayar')
               and (c.type = 'jkm' or c.jkk_kind in ('kematian', 'cacat_total')) order by c.event_date limit 1`,
        );
        if (!basis) throw new UserFacingError("Beasiswa hanya setelah klaim JKM atau JKK (meninggal atau cacat total) ditetapkan BPJS.");
        const cov = await coverageOnEvent(tx, w.nik, w.id, basis.eventDate);
        const rates = await ratesOn(tx, basis.eventDate);
        const eligible = computeBenefit({
          type: basis.type,
          jkkKind: basis.jkkKind,
          rates,
          membershipStart: cov.membershipStart ?? basis.eventDate,
          eventDate: basis.eventDate,
          masaIur: cov.masaIur,
        }).childrenEligible;
        if (!eligible)
          throw new UserFacingError(
            `Anak tidak berhak beasiswa: masa iur pada tanggal kejadian ${cov.masaIur} bulan, kurang dari ${rates.beasiswa_min_months} bulan.`,
          );
        const c = input.child;
        if (!c || c.name.trim().length < 2) throw new UserFacingError("Isi nama anak.", { childName: ["Isi nama anak."] });
        if (!c.notMarriedNotWorking)
          throw new UserFacingError("Beasiswa berakhir bila anak menikah atau bekerja.", {
            notMarriedNotWorking: ["Centang bila anak belum menikah dan tidak bekerja (pernyataan ahli waris)."],
          });
        const year = schoolYearOf(today);
        const yearStart = `${year.slice(0, 4)}-07-01`;
        const age = Number(yearStart.slice(0, 4)) - Number(c.birthDate.slice(0, 4)) - (yearStart.slice(5) < c.birthDate.slice(5) ? 1 : 0);
        if (c.birthDate > today)
          throw new UserFacingError("Tanggal lahir anak tidak boleh setelah hari ini.", { childBirthDate: ["Tanggal lahir tidak boleh setelah hari ini."] });
        if (age >= rates.beasiswa_max_age)
          throw new UserFacingError(`Beasiswa berakhir pada usia ${rates.beasiswa_max_age} tahun.`, {
            childBirthDate: [`Anak berusia ${age} tahun pada awal tahun ajaran.`],
          });
        if (age < 18 && !c.guardianName?.trim())
          throw new UserFacingError("Anak di bawah umur: isi nama wali yang menerima beasiswa.", { guardianName: ["Isi nama wali."] });
        const children = await rows<{ name: string }>(
          tx,
          sql`select distinct lower(child_name) as name from claims where nik = ${w.nik} and type = 'beasiswa' and status <> 'ditolak'`,
        );
        if (!children.some((x) => x.name === c.name.trim().toLowerCase()) && children.length >= rates.beasiswa_children)
          throw new UserFacingError(`Beasiswa paling banyak untuk ${rates.beasiswa_children} anak.`, {
            childName: [`Sudah ada ${children.length} anak penerima beasiswa.`],
          });
        eventDate = basis.eventDate;
        eventKey = `${c.name.trim().toLowerCase()}|${year}`;
        child = { ...c, name: c.name.trim(), guardianName: c.guardianName?.trim() || null };
      } else {
        const cov = await coverageOnEvent(tx, w.nik, w.id, eventDate);
        if (!cov.membershipStart) throw new UserFacingError("Pekerja ini belum pernah aktif sebagai peserta (belum ada nomor KPJ).");
        if (!w.coverageStart || eventDate < w.coverageStart) {
          const msg = `Tanggal kejadian tidak boleh sebelum mulai kepesertaan (${w.coverageStart ? dayLabel(w.coverageStart) : "belum aktif"}).`;
          throw new UserFacingError(msg, { eventDate: [msg] });
        }
        if (death) {
          const known = await firstRow<{ id: number; diedOn: string }>(tx, sql`select id, died_on::text as "diedOn" from deaths where nik = ${w.nik}`);
          if (known && known.diedOn !== eventDate) {
            const msg = `Kematian sudah tercatat pada ${dayLabel(known.diedOn)}: tanggal kejadian harus sama.`;
            throw new UserFacingError(msg, { eventDate: [msg] });
          }
          if (known) deathId = known.id;
          else {
            // Recorded in the same step: the enrollment ends on the date of death.
            if (w.status !== "berakhir") await endEnrollment(tx, viewer, w, "meninggal", eventDate, today, "eventDate");
            await insertDeath(tx, viewer, w, eventDate);
            deathId = (await firstRow<{ id: number }>(tx, sql`select id from deaths where nik = ${w.nik}`))!.id;
            await writeAudit(tx, {
              actorId: viewer.id,
              action: "death.record",
              entityType: "worker",
              entityId: String(w.id),
              details: { diedOn: eventDate, ended: w.status !== "berakhir" },
            });
          }
        }
      }
      const eventAt = input.type === "jkk" ? `${eventDate}T${input.eventTime}:00+07:00` : null;
      if (eventAt && new Date(eventAt).getTime() > (await nowIn(tx)).getTime())
        throw new UserFacingError("Jam kejadian tidak boleh setelah sekarang.", { eventTime: ["Jam kejadian tidak boleh setelah sekarang."] });
      const claim = await firstRow<{ id: number }>(
        tx,
        sql`insert into claims (nik, worker_id, regency_code, district_code, type, jkk_kind, event_date, event_at, event_key, place, description, death_id,
             child_name, child_birth_date, school_year, school_level, guardian_name, created_by, created_at)
           values (${w.nik}, ${w.id}, ${w.regencyCode}, ${w.districtCode}, ${input.type}, ${input.type === "jkk" ? input.jkkKind : null}, ${eventDate}::date,
             ${eventAt}::timestamptz, ${eventKey}, ${input.place.trim() || null}, ${description}, ${deathId},
             ${child?.name ?? null}, ${child?.birthDate ?? null}::date, ${child ? schoolYearOf(today) : null}, ${child?.level ?? null}, ${child?.guardianName ?? null}, ${viewer.id}, portal_now())
           returning id`,
      );
      await writeAudit(tx, {
        actorId: viewer.id,
        action: "claim.open",
        entityType: "worker",
        entityId: String(w.id),
        details: { claimId: claim!.id, type: input.type, jkkKind: input.jkkKind, eventDate },
      });
      return { id: claim!.id };
    });
  } catch (e) {
    if (isUniqueViolation(e, "claims_open_key") || isUniqueViolation(e, "claims_one_per_death_key"))
      throw new UserFacingError("Sudah ada klaim yang terbuka untuk orang, jenis dan kejadian ini.");
    if (isUniqueViolation(e, "deaths_nik_key")) throw new UserFacingError("Kematian orang ini sudah tercatat.");
    throw e;
  }
}

export type ClaimRow = {
  id: number;
  workerId: number;
  workerName: string;
  nikMasked: string;
  regencyName: string;
  regencyCode: string;
  districtName: string | null;
  type: ClaimType;
  jkkKind: JkkKind | null;
  eventDate: string;
  status: ClaimStatus;
  createdAt: string;
  decided: number;
  paid: number;
};

// A claim row's columns (ClaimRow, with the NIK for masking) and the joins they need: one list for the list and the detail.
const CLAIM_ROW = sql`c.id, c.worker_id::int as "workerId", w.name as "workerName", c.nik, g.name as "regencyName", g.code as "regencyCode", d.name as "districtName", c.type::text as type,
  c.jkk_kind::text as "jkkKind", c.event_date::text as "eventDate", c.status::text as status, c.created_at::text as "createdAt",
  coalesce((select sum(amount) from claim_components k where k.claim_id = c.id), 0)::bigint as decided,
  coalesce((select sum(amount) from claim_payments p where p.claim_id = c.id), 0)::bigint as paid`;
const CLAIM_FROM = sql`claims c join workers w on w.id = c.worker_id join regencies g on g.code = c.regency_code left join districts d on d.code = c.district_code`;

/** Claims in the viewer's scope (a branch head: its kecamatan), open ones first, newest first. */
export async function listClaimsForViewer(viewer: Viewer, filter: { workerId?: number; open?: boolean } = {}): Promise<ClaimRow[]> {
  assertCan(viewer.role, "claims.view");
  const list = await rows<ClaimRow & { nik: string }>(
    db(),
    sql`select ${CLAIM_ROW} from ${CLAIM_FROM}
      where ${claimScope(viewer)} ${filter.workerId ? sql`and c.worker_id = ${filter.workerId}` : sql``}
        ${filter.open ? sql`and c.status not in ('dibayar', 'ditolak')` : sql``}
      order by (c.status in ('dibayar', 'ditolak')), c.created_at desc, c.id desc limit 500`,
  );
  return list.map(({ nik, ...r }) => ({ ...r, nikMasked: maskNik(nik), decided: Number(r.decided), paid: Number(r.paid) }));
}

/** Open claims in the viewer's scope by status: what waits on the area (documents, submission) and on the branch (penetapan, payment). */
export async function countClaimTodoForViewer(viewer: Viewer): Promise<Record<"dilaporkan" | "dokumen_lengkap" | "diajukan" | "ditetapkan", number>> {
  assertCan(viewer.role, "claims.view");
  const list = await rows<{ status: ClaimStatus; n: number }>(
    db(),
    sql`select c.status::text as status, count(*)::int as n from claims c where c.status not in ('dibayar', 'ditolak') and ${claimScope(viewer)} group by 1`,
  );
  const n = (k: ClaimStatus) => list.find((r) => r.status === k)?.n ?? 0;
  return { dilaporkan: n("dilaporkan"), dokumen_lengkap: n("dokumen_lengkap"), diajukan: n("diajukan"), ditetapkan: n("ditetapkan") };
}

export type ClaimDetail = ClaimRow & {
  place: string | null;
  description: string;
  eventAt: string | null;
  childName: string | null;
  childBirthDate: string | null;
  schoolYear: string | null;
  schoolLevel: SchoolLevel | null;
  guardianName: string | null;
  penetapanNumber: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  refusedReason: string | null;
  accidentReportedAt: string | null;
  officeName: string | null;
  coverage: CoverageOnEvent;
  benefit: BenefitResult;
  deadline: ReturnType<typeof accidentReportDeadline> | null;
  documents: { kind: DocumentKind; required: boolean; name: string | null; uploadedAt: string | null }[];
  components: { code: string; amount: number }[];
  payments: { id: number; heirName: string; relationship: string; amount: number; paidOn: string; accountLast4: string | null }[];
  heirs: HeirView[];
};

/** One claim with the coverage on its event date shown first, what it is worth, its documents and BPJS's steps. */
export async function getClaimForViewer(viewer: Viewer, id: number): Promise<ClaimDetail> {
  assertCan(viewer.role, "claims.view");
  const c = await firstRow<
    ClaimRow & {
      nik: string;
      place: string | null;
      description: string;
      eventAt: string | null;
      childName: string | null;
      childBirthDate: string | null;
      schoolYear: string | null;
      schoolLevel: SchoolLevel | null;
      guardianName: string | null;
      penetapanNumber: string | null;
      decidedAt: string | null;
      decidedByName: string | null;
      refusedReason: string | null;
      accidentReportedAt: string | null;
      officeName: string | null;
    }
  >(
    db(),
    sql`select ${CLAIM_ROW}, c.place, c.description, c.event_at::text as "eventAt", c.child_name as "childName", c.child_birth_date::text as "childBirthDate", c.school_year as "schoolYear",
         c.school_level::text as "schoolLevel", c.guardian_name as "guardianName", c.penetapan_number as "penetapanNumber", c.decided_at::text as "decidedAt",
         u.name as "decidedByName", c.refused_reason as "refusedReason", c.accident_reported_at::text as "accidentReportedAt", o.name as "officeName"
       from ${CLAIM_FROM}
       left join users u on u.id = c.decided_by left join offices o on o.id = c.office_id
      where c.id = ${id} and ${claimScope(viewer)}`,
  );
  if (!c) throw new NotFoundError("Klaim");
  const coverage = await coverageOnEvent(db(), c.nik, c.workerId, c.eventDate);
  const rates = await ratesOn(db(), c.eventDate);
  const alreadyPaid =
    c.type === "beasiswa"
      ? Number(
          (
            await firstRow<{ n: number }>(
              db(),
              sql`select coalesce(sum(p.amount), 0)::bigint as n from claim_payments p join claims x on x.id = p.claim_id
                 where x.nik = ${c.nik} and x.type = 'beasiswa' and lower(x.child_name) = lower(${c.childName}) and x.id <> ${id}`,
            )
          )?.n ?? 0,
        )
      : 0;
  const benefit = computeBenefit({
    type: c.type,
    jkkKind: c.jkkKind,
    rates,
    membershipStart: coverage.membershipStart ?? c.eventDate,
    eventDate: c.eventDate,
    masaIur: coverage.masaIur,
    school: c.schoolLevel ? { level: c.schoolLevel, alreadyPaid } : null,
  });
  const docs = await rows<{ kind: DocumentKind; name: string; uploadedAt: string }>(
    db(),
    sql`select kind, name, uploaded_at::text as "uploadedAt" from claim_documents where claim_id = ${id}`,
  );
  const required = requiredDocuments(c.type, c.jkkKind);
  const kinds = [...required, ...docs.map((d) => d.kind).filter((k) => !required.includes(k))];
  const components = await rows<{ code: string; amount: number }>(db(), sql`select code, amount from claim_components where claim_id = ${id} order by code`);
  const payments = await rows<ClaimDetail["payments"][number]>(
    db(),
    sql`select id, heir_name as "heirName", relationship, amount, paid_on::text as "paidOn", account_last4 as "accountLast4" from claim_payments where claim_id = ${id} order by id`,
  );
  const { nik, ...rest } = c;
  return {
    ...rest,
    nikMasked: maskNik(nik),
    decided: Number(c.decided),
    paid: Number(c.paid),
    coverage,
    benefit,
    deadline: c.eventAt ? accidentReportDeadline(new Date(c.eventAt), c.accidentReportedAt ? new Date(c.accidentReportedAt) : null, await clockNow()) : null,
    documents: kinds.map((k) => {
      const d = docs.find((x) => x.kind === k);
      return { kind: k, required: required.includes(k), name: d?.name ?? null, uploadedAt: d?.uploadedAt ?? null };
    }),
    components: components.map((k) => ({ ...k, amount: Number(k.amount) })),
    payments: payments.map((p) => ({ ...p, amount: Number(p.amount) })),
    // The worker's heirs (masked), for paying the right people.
    heirs: await heirsOf(db(), c.workerId),
  };
}

async function lockClaim(tx: Tx, viewer: Viewer, id: number) {
  const c = await firstRow<{ id: number; status: ClaimStatus; type: ClaimType; jkkKind: JkkKind | null; workerId: number; nik: string; eventDate: string }>(
    tx,
    sql`select c.id, c.status::text as status, c.type::text as type, c.jkk_kind::text as "jkkKind", c.worker_id::int as "workerId", c.nik, c.event_date::text as "eventDate"
       from claims c where c.id = ${id} and ${claimScope(viewer)} for update`,
  );
  if (!c) throw new NotFoundError("Klaim");
  return c;
}

async function moveClaim(tx: Tx, viewer: Viewer, c: { id: number; status: ClaimStatus; workerId: number }, to: ClaimStatus, set = sql``) {
  if (!canMoveClaim(c.status, to)) throw new UserFacingError(`Klaim berstatus ${c.status.replace("_", " ")} tidak dapat menjadi ${to.replace("_", " ")}.`);
  await tx.execute(sql`update claims set status = ${to}, updated_at = now() ${set} where id = ${c.id}`);
  await writeAudit(tx, {
    actorId: viewer.id,
    action: "claim.status",
    entityType: "worker",
    entityId: String(c.workerId),
    details: { claimId: c.id, from: c.status, to },
  });
}

/** Stores a claim document (already in the file store) for its kind; a complete checklist makes the claim "dokumen lengkap". Returns the file it replaced. */
export async function setClaimDocument(viewer: Viewer, id: number, kind: DocumentKind, file: { fileId: string; name: string }) {
  assertCan(viewer.role, "claims.open");
  return db().transaction(async (tx) => {
    const c = await lockClaim(tx, viewer, id);
    if (c.status === "dibayar" || c.status === "ditolak") throw new UserFacingError("Klaim yang sudah selesai tidak menerima dokumen lagi.");
    const previous = await firstRow<{ fileId: string }>(
      tx,
      sql`select file_id::text as "fileId" from claim_documents where claim_id = ${id} and kind = ${kind}`,
    );
    await tx.execute(sql`insert into claim_documents (claim_id, kind, file_id, name, uploaded_by, uploaded_at) values (${id}, ${kind}, ${file.fileId}::uuid, ${file.name}, ${viewer.id}, portal_now())
      on conflict (claim_id, kind) do update set file_id = excluded.file_id, name = excluded.name, uploaded_by = excluded.uploaded_by, uploaded_at = portal_now()`);
    if (kind === "laporan_kecelakaan")
      await tx.execute(sql`update claims set accident_reported_at = coalesce(accident_reported_at, portal_now()) where id = ${id}`);
    await writeAudit(tx, { actorId: viewer.id, action: "claim.document", entityType: "worker", entityId: String(c.workerId), details: { claimId: id, kind } });
    const have = await rows<{ kind: string }>(tx, sql`select kind from claim_documents where claim_id = ${id}`);
    if (c.status === "dilaporkan" && requiredDocuments(c.type, c.jkkKind).every((k) => have.some((h) => h.kind === k)))
      await moveClaim(tx, viewer, c, "dokumen_lengkap");
    return previous?.fileId ?? null;
  });
}

/** A claim document for the authorised route; every view is on the worker's audit trail. */
export async function getClaimDocumentForViewer(viewer: Viewer, id: number, kind: DocumentKind) {
  assertCan(viewer.role, "claims.view");
  const d = await firstRow<{ file: string; name: string; workerId: number }>(
    db(),
    sql`select k.file_id::text as file, k.name, c.worker_id::int as "workerId" from claim_documents k join claims c on c.id = k.claim_id
       where k.claim_id = ${id} and k.kind = ${kind} and ${claimScope(viewer)}`,
  );
  if (!d) throw new NotFoundError("Dokumen klaim");
  await writeAudit(db(), {
    actorId: viewer.id,
    action: "claim.document_view",
    entityType: "worker",
    entityId: String(d.workerId),
    details: { claimId: id, kind },
  });
  return { file: d.file, name: d.name };
}

/** The area (or the branch) submits a complete claim to BPJS. */
export async function submitClaim(viewer: Viewer, id: number) {
  assertCan(viewer.role, "claims.open");
  await db().transaction(async (tx) => {
    const c = await lockClaim(tx, viewer, id);
    if (c.status === "dilaporkan") throw new UserFacingError("Lengkapi dokumen klaim sebelum diajukan ke BPJS.");
    await moveClaim(tx, viewer, c, "diajukan");
  });
}

/**
 * The branch head records BPJS's penetapan: its number and the amount per component (integer
 * Rupiah ≥ 0). An event while the person was not covered cannot be decided for payment: refuse it.
 */
export async function decideClaim(viewer: Viewer, id: number, input: { penetapanNumber: string; components: { code: string; amount: number }[] }) {
  assertCan(viewer.role, "claims.decide");
  const number = input.penetapanNumber.trim();
  if (number.length < 3) throw new UserFacingError("Isi nomor penetapan BPJS.", { penetapanNumber: ["Isi nomor penetapan BPJS."] });
  if (!input.components.length || input.components.some((k) => !Number.isSafeInteger(k.amount) || k.amount < 0))
    throw new UserFacingError("Jumlah per komponen harus bilangan bulat rupiah, 0 atau lebih.", { components: ["Periksa jumlah per komponen."] });
  if (input.components.reduce((t, k) => t + k.amount, 0) <= 0)
    throw new UserFacingError("Jumlah penetapan harus lebih dari Rp 0.", { components: ["Isi jumlah penetapan."] });
  await db().transaction(async (tx) => {
    const c = await lockClaim(tx, viewer, id);
    if (c.status !== "diajukan") throw new UserFacingError("Hanya klaim yang sudah diajukan ke BPJS yang dapat ditetapkan.");
    const cov = await coverageOnEvent(tx, c.nik, c.workerId, c.eventDate);
    if (!cov.covered) throw new UserFacingError(`${cov.message} Klaim ini harus ditolak.`);
    for (const k of input.components) await tx.execute(sql`insert into claim_components (claim_id, code, amount) values (${id}, ${k.code}, ${k.amount})`);
    await moveClaim(
      tx,
      viewer,
      c,
      "ditetapkan",
      sql`, penetapan_number = ${number}, decided_at = portal_now(), decided_by = ${viewer.id}, office_id = ${viewer.officeId}`,
    );
  });
}

/** The branch head refuses a claim, with a reason (a refused death claim leaves the death recorded). */
export async function refuseClaim(viewer: Viewer, id: number, reason: string) {
  assertCan(viewer.role, "claims.decide");
  const why = reason.trim();
  if (why.length < 5) throw new UserFacingError("Tulis alasan penolakan.", { reason: ["Alasan penolakan wajib diisi (minimal 5 karakter)."] });
  await db().transaction(async (tx) => {
    const c = await lockClaim(tx, viewer, id);
    await moveClaim(
      tx,
      viewer,
      c,
      "ditolak",
      sql`, refused_reason = ${why}, decided_at = portal_now(), decided_by = ${viewer.id}, office_id = ${viewer.officeId}`,
    );
  });
}

/**
 * The branch head records a payment to an heir (a benefit may be split among heirs). Arrears at
 * the event must be settled first. When the payments reach the penetapan the claim is paid.
 */
export async function recordClaimPayment(
  viewer: Viewer,
  id: number,
  input: { heirName: string; relationship: string; amount: number; paidOn: string; accountLast4: string | null },
) {
  assertCan(viewer.role, "claims.decide");
  const heir = input.heirName.trim();
  if (heir.length < 2) throw new UserFacingError("Isi nama penerima.", { heirName: ["Isi nama ahli waris atau wali yang menerima."] });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new UserFacingError("Jumlah harus bilangan bulat rupiah lebih dari 0.", { amount: ["Jumlah harus bilangan bulat rupiah lebih dari 0."] });
  if (input.accountLast4 && !/^[0-9]{4}$/.test(input.accountLast4))
    throw new UserFacingError("Isi 4 digit terakhir rekening.", { accountLast4: ["Cukup 4 digit terakhir nomor rekening."] });
  const today = await clockToday();
  if (input.paidOn > today)
    throw new UserFacingError("Tanggal bayar tidak boleh setelah hari ini.", { paidOn: ["Tanggal bayar tidak boleh setelah hari ini."] });
  return db().transaction(async (tx) => {
    const c = await lockClaim(tx, viewer, id);
    if (c.status !== "ditetapkan") throw new UserFacingError("Pembayaran dicatat setelah klaim ditetapkan BPJS.");
    const cov = await coverageOnEvent(tx, c.nik, c.workerId, c.eventDate);
    if (cov.arrearsAmount > 0) throw new UserFacingError(`Tunggakan ${formatRupiah(cov.arrearsAmount)} harus dilunasi sebelum klaim dibayar.`);
    const totals = await firstRow<{ decided: number; paid: number }>(
      tx,
      sql`select (select coalesce(sum(amount), 0) from claim_components where claim_id = ${id})::bigint as decided,
           (select coalesce(sum(amount), 0) from claim_payments where claim_id = ${id})::bigint as paid`,
    );
    const left = Number(totals!.decided) - Number(totals!.paid);
    if (input.amount > left) throw new UserFacingError(`Sisa yang belum dibayar ${formatRupiah(left)}.`, { amount: [`Paling banyak ${formatRupiah(left)}.`] });
    await tx.execute(sql`insert into claim_payments (claim_id, heir_name, relationship, amount, paid_on, account_last4, recorded_by)
      values (${id}, ${heir}, ${input.relationship}, ${input.amount}, ${input.paidOn}::date, ${input.accountLast4}, ${viewer.id})`);
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "claim.payment",
      entityType: "worker",
      entityId: String(c.workerId),
      details: { claimId: id, amount: input.amount },
    });
    if (input.amount === left) await moveClaim(tx, viewer, c, "dibayar");
    return { paidInFull: input.amount === left };
  });
}

export type BenefitFigures = { year: number; byType: { type: ClaimType; count: number; amount: number }[]; total: number; contributionsPaid: number };

/**
 * Santunan paid in a year (by the payment date), by type, count and Rupiah, beside the
 * contributions paid that year (confirmed parts of SP2D of that fiscal year): the value shown.
 */
export async function getBenefitFiguresForViewer(
  viewer: Viewer,
  filter: { regencyCode?: string | null; provinceCode?: string | null } = {},
  year?: number,
  /** Up to this day (the quarterly report's), both sides. */
  until?: string,
): Promise<BenefitFigures> {
  assertCan(viewer.role, "dashboard.view");
  const y = year ?? Number((await clockToday()).slice(0, 4));
  const upTo = until ?? `${y}-12-31`;
  const one = filter.regencyCode
    ? sql`and c.regency_code = ${filter.regencyCode}`
    : filter.provinceCode
      ? sql`and left(c.regency_code, 2) = ${filter.provinceCode}`
      : sql``;
  const byType = await rows<{ type: ClaimType; count: number; amount: number }>(
    db(),
    sql`select c.type::text as type, count(distinct c.id)::int as count, sum(p.amount)::bigint as amount
       from claim_payments p join claims c on c.id = p.claim_id
      where extract(year from p.paid_on) = ${y} and p.paid_on <= ${upTo}::date and ${claimScope(viewer)} ${one}
      group by 1 order by 1`,
  );
  const scope = scopeOf(viewer);
  const oneP = filter.regencyCode
    ? sql`and p.regency_code = ${filter.regencyCode}`
    : filter.provinceCode
      ? sql`and left(p.regency_code, 2) = ${filter.provinceCode}`
      : sql``;
  const contributions = await firstRow<{ n: number }>(
    db(),
    sql`select coalesce(sum(pp.amount), 0)::bigint as n from payment_parts pp join payments p on p.id = pp.payment_id
       where pp.status = 'dikonfirmasi' and p.fiscal_year = ${y} and pp.confirmed_on <= ${upTo}::date ${oneP}
         and ${scope.kind === "branch" ? sql`pp.office_id = ${scope.officeId}` : enrollmentInScope(scope, sql`p.regency_code`, sql`null::text`)}`,
  );
  const list = byType.map((t) => ({ ...t, amount: Number(t.amount) }));
  return { year: y, byType: list, total: list.reduce((s, t) => s + t.amount, 0), contributionsPaid: Number(contributions?.n ?? 0) };
}

export type PayoutRow = { paidOn: string; type: ClaimType; jkkKind: JkkKind | null; regencyName: string; amount: number; claimId: number };

/** The latest santunan payments in the viewer's scope (no names: a province list for BPJS heads). */
export async function listLatestPayoutsForViewer(viewer: Viewer, filter: { provinceCode?: string | null } = {}, limit = 10): Promise<PayoutRow[]> {
  assertCan(viewer.role, "claims.view");
  const list = await rows<PayoutRow>(
    db(),
    sql`select p.paid_on::text as "paidOn", c.type::text as type, c.jkk_kind::text as "jkkKind", g.name as "regencyName", p.amount, c.id as "claimId"
       from claim_payments p join claims c on c.id = p.claim_id join regencies g on g.code = c.regency_code
      where ${claimScope(viewer)} ${filter.provinceCode ? sql`and left(c.regency_code, 2) = ${filter.provinceCode}` : sql``}
      order by p.paid_on desc, p.id desc limit ${Math.min(Math.max(limit, 1), 50)}`,
  );
  return list.map((r) => ({ ...r, amount: Number(r.amount) }));
}
