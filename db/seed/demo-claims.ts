import { sql as q } from "drizzle-orm";
import { db } from "@/db/client";
import type { Viewer } from "@/lib/authz/viewer";
import { decideClaim, getClaimForViewer, openClaim, recordClaimPayment, refuseClaim, setClaimDocument, submitClaim, type ClaimInput } from "@/lib/data/claims";
import { setPortalClock } from "@/lib/data/clock";
import { firstRow, rows } from "@/lib/data/internal/rows";
import { loadViewer } from "@/lib/data/viewer";
import { addDays } from "@/lib/domain/wib";
import { receiveUpload } from "@/lib/storage";

/**
 * Demo claims, through the portal's own claim code (lib/data/claims.ts) as the demo accounts, on
 * the dates they happened (the clock is moved, then put back): two paid JKM deaths and a paid JKK
 * accident death in Kota and Kabupaten Tangerang, a paid JKK care case, one JKM case still open
 * (documents missing), and one death refused because the Dinas had stopped paying for the person
 * (nonaktif on the day). So the "manfaat dibayar ÷ iuran dibayar" figures are real. Skipped when
 * any claim exists. Dates count back from today (the year's figures hold them from March on).
 */
export async function seedDemoClaims(today: string) {
  const exists = await firstRow<{ n: number }>(db(), q`select count(*)::int as n from claims`);
  if (exists!.n > 0) return;
  const pinned = await firstRow<{ at: string }>(db(), q`select pinned_at::text as at from portal_clock where id = 1`);
  const as = async (email: string) => {
    const u = await firstRow<{ id: string; sv: number }>(db(), q`select id::text, session_version as sv from users where email = ${email}`);
    const v = u ? await loadViewer(u.id, u.sv) : null;
    if (!v) throw new Error(`akun demo ${email} tidak ada`);
    return v;
  };
  const [petugasKota, petugasKab, cikokol, kabHead] = await Promise.all([
    as("petugas.kotatangerang@portal.test"),
    as("petugas.kabtangerang@portal.test"),
    as("kacab.cikokol@portal.test"),
    as("kacab.kabtangerang@portal.test"),
  ]);
  const back = (days: number) => addDays(today, -days);
  const at = (day: string, time = "03:00") => setPortalClock(`${day}T${time}:00Z`);
  // Aktif people covered long enough before the event (more than 3 months), in a kecamatan the branch serves.
  const pick = async (office: string, before: string, n: number, opts: { held?: boolean } = {}) =>
    rows<{ id: number }>(
      db(),
      q`select w.id::int as id from workers w
         where w.status = 'aktif' and w.coverage_start <= ${before}::date
           and w.district_code in (select bc.district_code from branch_coverage bc join offices o on o.id = bc.office_id where o.name = ${office})
           and ${opts.held ? q`not` : q``} exists (select 1 from paid_months m where m.nik = w.nik and m.month = date_trunc('month', ${today}::date - 45)::date)
         order by w.id limit ${n}`,
    );
  const docs = async (viewer: Viewer, id: number, all = true) => {
    const c = await getClaimForViewer(viewer, id);
    for (const d of c.documents.filter((d) => d.required && !d.name).slice(0, all ? undefined : 2)) {
      const body = new ReadableStream<Uint8Array>({
        start(ctl) {
          ctl.enqueue(new TextEncoder().encode(`%PDF-1.4\n% Dokumen demo: ${d.kind}\n%%EOF\n`));
          ctl.close();
        },
      });
      const f = await receiveUpload(body, { createdBy: viewer.id, kind: "claim_document", accept: ["pdf"], refused: "bukan PDF" });
      await setClaimDocument(viewer, id, d.kind, { fileId: f.id, name: `${d.kind}-demo.pdf` });
    }
  };
  const computed = async (viewer: Viewer, id: number, fallback: { code: string; amount: number }[]) => {
    const c = await getClaimForViewer(viewer, id);
    return c.benefit.kind === "amount" ? c.benefit.components.map((k) => ({ code: k.code, amount: k.amount })) : fallback;
  };
  type Case = {
    opener: Viewer;
    head: Viewer;
    worker: number;
    input: Omit<ClaimInput, "workerId">;
    heirs: { name: string; relationship: string; share: number; last4: string | null }[];
    fallback?: { code: string; amount: number }[];
    stop?: "open" | "refuse";
  };
  const [kotaA, kotaB, kotaOpen] = await pick("Kantor Cabang Tangerang Cikokol", back(200), 3);
  const [kabA, kabB] = await pick("Kantor Cabang Kabupaten Tangerang", back(200), 2);
  const [kabHeld] = await pick("Kantor Cabang Kabupaten Tangerang", back(200), 1, { held: true });
  const jkm = (eventDate: string, description: string): Omit<ClaimInput, "workerId"> => ({
    type: "jkm",
    jkkKind: null,
    eventDate,
    eventTime: null,
    place: "Rumah",
    description,
    child: null,
  });
  const listed: (Case | undefined | false)[] = [
    !!kotaA && {
      opener: petugasKota,
      head: cikokol,
      worker: kotaA.id,
      input: jkm(back(75), "Meninggal dunia karena sakit di rumah (data demo)."),
      heirs: [{ name: "Ahli waris (istri)", relationship: "istri", share: 1, last4: "4821" }],
    },
    !!kotaB && {
      opener: cikokol,
      head: cikokol,
      worker: kotaB.id,
      input: {
        type: "jkk",
        jkkKind: "kematian",
        eventDate: back(50),
        eventTime: "10:30",
        place: "Pasar Anyar, Kota Tangerang",
        description: "Tertimpa muatan saat bongkar barang di pasar (data demo).",
        child: null,
      },
      heirs: [
        { name: "Ahli waris (istri)", relationship: "istri", share: 0.5, last4: "1177" },
        { name: "Ahli waris (anak)", relationship: "anak", share: 0.5, last4: null },
      ],
    },
    !!kabA && {
      opener: petugasKab,
      head: kabHead,
      worker: kabA.id,
      input: jkm(back(40), "Meninggal dunia di rumah sakit (data demo)."),
      heirs: [{ name: "Ahli waris (suami)", relationship: "suami", share: 1, last4: "9034" }],
    },
    !!kabB && {
      opener: petugasKab,
      head: kabHead,
      worker: kabB.id,
      input: {
        type: "jkk",
        jkkKind: "perawatan",
        eventDate: back(30),
        eventTime: "07:15",
        place: "Jalan raya Cikupa",
        description: "Jatuh dari motor saat mengantar dagangan; dirawat di rumah sakit (data demo).",
        child: null,
      },
      fallback: [{ code: "perawatan", amount: 7_450_000 }],
      heirs: [{ name: "Peserta (biaya perawatan)", relationship: "peserta", share: 1, last4: null }],
    },
    !!kotaOpen && {
      opener: petugasKota,
      head: cikokol,
      worker: kotaOpen.id,
      input: jkm(back(9), "Meninggal dunia karena sakit (data demo)."),
      heirs: [],
      stop: "open",
    },
    !!kabHeld && {
      opener: petugasKab,
      head: kabHead,
      worker: kabHeld.id,
      input: jkm(back(20), "Meninggal dunia di rumah (data demo)."),
      heirs: [],
      stop: "refuse",
    },
  ];
  const cases = listed.filter((c): c is Case => !!c);
  try {
    for (const c of cases) {
      const day = c.input.eventDate;
      await at(addDays(day, c.input.type === "jkk" ? 0 : 2), c.input.type === "jkk" ? "06:00" : "03:00");
      const { id } = await openClaim(c.opener, { ...c.input, workerId: c.worker });
      await docs(c.opener, id, c.stop !== "open");
      if (c.stop === "open") continue;
      await at(addDays(day, 5));
      await submitClaim(c.opener, id);
      await at(addDays(day, 12));
      if (c.stop === "refuse") {
        await refuseClaim(c.head, id, "Tidak terlindungi pada tanggal kejadian: iuran tidak dibayar pemda sejak Juli (nonaktif).");
        continue;
      }
      const components = await computed(c.head, id, c.fallback ?? []);
      await decideClaim(c.head, id, { penetapanNumber: `PNT/${id}/KC/${day.slice(0, 4)} (demo)`, components });
      await at(addDays(day, 19));
      const total = components.reduce((t, k) => t + k.amount, 0);
      let left = total;
      for (const [i, h] of c.heirs.entries()) {
        const amount = i === c.heirs.length - 1 ? left : Math.round(total * h.share);
        left -= amount;
        await recordClaimPayment(c.head, id, { heirName: h.name, relationship: h.relationship, amount, paidOn: addDays(day, 19), accountLast4: h.last4 });
      }
    }
  } finally {
    await setPortalClock(pinned ? pinned.at : null);
  }
}
