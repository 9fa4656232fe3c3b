// The claims spec's scenario (e2e/clock/2-claims-2028.spec.ts), built through the portal's own code in a
// process of its own (lib/data is server-only: run with --conditions=react-server, see
// runScenario in the spec). Kabupaten Cirebon (32.09), used by no other spec: a branch, an
// officer, a supervisor and a branch head; a regulation from 1 January 2028 with a quota of 5;
// five aktif people and one on the waiting list; January to June 2028 billed, issued, paid and
// confirmed on each month's 5th, with the Dinas holding back "Tunggak" from April and "Nonaktif"
// from February. `pay-arrears` pays what is left on the bills on 20 June. Prints JSON.
import { sql } from "drizzle-orm";
import { closeDb, db } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import { draftBillsForViewer, issueBill, listBillsForViewer } from "@/lib/data/billing";
import { setPortalClock } from "@/lib/data/clock";
import { rows } from "@/lib/data/internal/rows";
import { confirmPaymentPart, getPaymentForViewer, recordPayment } from "@/lib/data/payments";
import { loadViewer } from "@/lib/data/viewer";
import { AREA, PASSWORD, PEOPLE, USERS } from "./claims-constants";
import { enrolMfa } from "./db";

const HOLD: Record<string, string> = { Tunggak: "2028-04", Nonaktif: "2028-02" };

const q = <T>(query: ReturnType<typeof sql>) => rows<T>(db(), query);
const viewer = async (email: string) => {
  const [u] = await q<{ id: string; sv: number }>(sql`select id::text, session_version as sv from users where email = ${email}`);
  return (await loadViewer(u!.id, u!.sv))!;
};

async function setup() {
  const hash = await hashPassword(PASSWORD);
  const [kec] = await q<{ code: string }>(sql`select code from districts where regency_code = ${AREA} order by code limit 1`);
  await db().execute(
    sql`insert into offices (kind, name, province_code) values ('kantor_wilayah', 'Kanwil Jawa Barat (e2e)', '32') on conflict (name) do nothing`,
  );
  const [office] = await q<{ id: number }>(
    sql`insert into offices (kind, name, parent_id, province_code)
        values ('kantor_cabang', 'KC Uji Cirebon', (select id from offices where kind = 'kantor_wilayah' and province_code = '32' order by id limit 1), '32')
        on conflict (name) do update set name = excluded.name returning id`,
  );
  await db().execute(sql`insert into branch_coverage (district_code, office_id) values (${kec!.code}, ${office!.id}) on conflict do nothing`);
  await db().execute(sql`insert into users (email, name, password_hash, role, regency_code) values
      (${USERS.officer}, 'Petugas Cirebon', ${hash}, 'petugas', ${AREA}), (${USERS.supervisor}, 'Supervisor Cirebon', ${hash}, 'supervisor', ${AREA})
      on conflict ((lower(email))) do nothing`);
  await db()
    .execute(sql`insert into users (email, name, password_hash, role, office_id) values (${USERS.head}, 'Kacab Cirebon', ${hash}, 'kepala_cabang', ${office!.id})
      on conflict ((lower(email))) do nothing`);
  await enrolMfa([USERS.supervisor, USERS.head]);
  const [reg] = await q<{ id: number }>(
    sql`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on)
        values (${AREA}, 'perbup', 'kabkota', 'Perbup Cirebon E2E', 'Perbup uji klaim', 'enacted', '2028-01-01', 5, 216, 779, '2027-12-01') returning id`,
  );
  await db().execute(sql`insert into regulation_budgets (regulation_id, fiscal_year, allocated) values (${reg!.id}, 2028, 10000000)`);
  await setPortalClock("2028-01-03T03:00:00Z");
  const ids: Record<string, number> = {};
  const niks: Record<string, string> = {};
  const kpj: Record<string, string> = {};
  for (const [i, name] of PEOPLE.entries()) {
    const nik = `320901${String(11 + i)}0788${String(7100 + i)}`;
    const aktif = name !== "Menunggu";
    const [w] = await q<{ id: number }>(
      sql`insert into workers (nik, name, birth_date, sex, regency_code, district_code, status, regulation_id, kpj_number, coverage_start, submitted_at, income)
          values (${nik}, ${`Pekerja ${name}`}, ${`1988-07-${String(11 + i)}`}, 'L', ${AREA}, ${kec!.code}, ${aktif ? "aktif" : "daftar_tunggu"},
                  ${aktif ? reg!.id : null}, ${aktif ? `CRB${nik.slice(-9)}` : null}, ${aktif ? (name === "Baru" ? "2028-04-20" : "2028-01-05") : null},
                  now() - ${`${10 - i} days`}::interval, ${name === "Kecelakaan" ? 3_000_000 : 1_000_000})
          returning id::int`,
    );
    ids[name] = w!.id;
    niks[name] = nik;
    kpj[name] = `CRB${nik.slice(-9)}`;
  }
  await db().execute(sql`update regulations set counted = 5 where id = ${reg!.id}`);
  const [supervisor, head] = await Promise.all([viewer(USERS.supervisor), viewer(USERS.head)]);
  let sp2d = 0;
  for (const month of ["2028-01", "2028-02", "2028-03", "2028-04", "2028-05", "2028-06"]) {
    await setPortalClock(`${month}-05T03:00:00Z`);
    await draftBillsForViewer(supervisor, { regulationId: reg!.id, month });
    for (const b of await listBillsForViewer(head, { regulationId: reg!.id, status: "draf" })) await issueBill(head, b.id, `9${month.replace("-", "")}0001`);
    const bills = (await listBillsForViewer(head, { regulationId: reg!.id, status: "diterbitkan" })).filter((b) => b.month === month).map((b) => b.id);
    const hold = Object.entries(HOLD)
      .filter(([, from]) => month >= from)
      .map(([n]) => kpj[n]!);
    const [due] = await q<{ n: number }>(
      sql`select coalesce(sum(l.amount), 0)::int as n from bill_lines l join workers w on w.id = l.worker_id
           where l.bill_id = any(${`{${bills.join(",")}}`}::int[]) and l.kind <> 'koreksi' and not (w.kpj_number = any(${`{${hold.join(",")}}`}::text[]))`,
    );
    const p = await recordPayment(supervisor, {
      regulationId: reg!.id,
      number: `SP2D-CRB-${++sp2d}/2028`,
      paidOn: `${month}-05`,
      amount: due!.n,
      idempotencyKey: crypto.randomUUID(),
      billIds: bills,
      acceptOverBudget: true,
      holdKpj: hold,
    });
    for (const part of (await getPaymentForViewer(head, p.id)).parts) await confirmPaymentPart(head, part.id, `TB-CRB-${sp2d}`);
  }
  return { regulationId: reg!.id, ids, niks };
}

/** The Dinas pays the held-back months on 20 June (after the events): arrears settled late. */
async function payArrears() {
  const [reg] = await q<{ id: number }>(sql`select id from regulations where regency_code = ${AREA} and number = 'Perbup Cirebon E2E'`);
  const [supervisor, head] = await Promise.all([viewer(USERS.supervisor), viewer(USERS.head)]);
  await setPortalClock("2028-06-20T03:00:00Z");
  const bills = (await listBillsForViewer(head, { regulationId: reg!.id, status: "diterbitkan" })).map((b) => b.id);
  const [due] = await q<{ n: number }>(
    sql`select coalesce(sum(l.amount), 0)::int as n from bill_lines l where l.bill_id = any(${`{${bills.join(",")}}`}::int[]) and l.kind <> 'koreksi'
         and not exists (select 1 from paid_months m where m.nik = l.nik and m.month = l.month)`,
  );
  const p = await recordPayment(supervisor, {
    regulationId: reg!.id,
    number: "SP2D-CRB-TUNGGAKAN/2028",
    paidOn: "2028-06-20",
    amount: due!.n,
    idempotencyKey: crypto.randomUUID(),
    billIds: bills,
    acceptOverBudget: true,
    holdKpj: [],
  });
  for (const part of (await getPaymentForViewer(head, p.id)).parts) await confirmPaymentPart(head, part.id, "TB-CRB-TUNGGAKAN");
  return { paid: due!.n };
}

const step = process.argv[2];
(step === "setup" ? setup() : step === "pay-arrears" ? payArrears() : Promise.reject(new Error(`langkah tidak dikenal: ${step}`)))
  .then(async (out) => {
    process.stdout.write(JSON.stringify(out));
    await closeDb();
  })
  .catch(async (e) => {
    console.error(e instanceof Error ? e.stack : e);
    await closeDb();
    process.exit(1);
  });
