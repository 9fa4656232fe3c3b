import { z } from "zod";
import { DOCUMENT_LABELS } from "@/lib/domain/claims";
import { calendarDate } from "./dates";
import { wholeNumber } from "./regulations";

const id = (label: string) =>
  z.coerce
    .number({ error: `${label} tidak dikenal.` })
    .int(`${label} tidak dikenal.`)
    .positive(`${label} tidak dikenal.`);
// A field the form did not show (JKK's kind and time for a JKM case, the child outside beasiswa) is absent: null, like a blank one.
const blank = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

export const openClaimSchema = z
  .object({
    workerId: id("Pekerja"),
    type: z.enum(["jkm", "jkk", "beasiswa"], { error: "Pilih jenis klaim." }),
    jkkKind: z.preprocess(blank, z.enum(["perawatan", "stmb", "cacat", "cacat_total", "kematian"], { error: "Pilih jenis kecelakaan kerja." }).nullable()),
    eventDate: z.preprocess(blank, calendarDate("tanggal kejadian").nullable()),
    eventTime: z.preprocess(
      blank,
      z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Jam kejadian tidak valid (JJ:MM).")
        .nullable(),
    ),
    place: z.string().trim().max(200, "Tempat kejadian terlalu panjang.").default(""),
    description: z.string().trim().min(5, "Uraian kejadian wajib diisi (minimal 5 karakter).").max(2000, "Uraian terlalu panjang."),
    childName: z.preprocess(blank, z.string().trim().max(150, "Nama terlalu panjang.").nullable()),
    childBirthDate: z.preprocess(blank, calendarDate("tanggal lahir anak").nullable()),
    schoolLevel: z.preprocess(blank, z.enum(["tk_sd", "smp", "sma", "pt"], { error: "Pilih jenjang sekolah." }).nullable()),
    guardianName: z.preprocess(blank, z.string().trim().max(150, "Nama terlalu panjang.").nullable()),
    notMarriedNotWorking: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .superRefine((v, ctx) => {
    if (v.type !== "beasiswa" && !v.eventDate) ctx.addIssue({ code: "custom", path: ["eventDate"], message: "Isi tanggal kejadian." });
    if (v.type === "jkk" && !v.jkkKind) ctx.addIssue({ code: "custom", path: ["jkkKind"], message: "Pilih jenis kecelakaan kerja." });
    if (v.type === "jkk" && !v.eventTime)
      ctx.addIssue({ code: "custom", path: ["eventTime"], message: "Isi jam kejadian (WIB), untuk batas laporan 2 × 24 jam." });
    if (v.type === "beasiswa") {
      if (!v.childName) ctx.addIssue({ code: "custom", path: ["childName"], message: "Isi nama anak." });
      if (!v.childBirthDate) ctx.addIssue({ code: "custom", path: ["childBirthDate"], message: "Isi tanggal lahir anak." });
      if (!v.schoolLevel) ctx.addIssue({ code: "custom", path: ["schoolLevel"], message: "Pilih jenjang sekolah." });
    }
  });

export const claimIdSchema = z.object({ claimId: id("Klaim") });

/** One amount per component, in fields named `component_<code>`. */
export const componentAmount = wholeNumber("jumlah komponen", { min: 0 });

export const decideClaimSchema = z
  .object({
    claimId: id("Klaim"),
    penetapanNumber: z.string().trim().min(3, "Isi nomor penetapan BPJS.").max(100, "Nomor penetapan terlalu panjang."),
  })
  .catchall(z.unknown());

export const refuseClaimSchema = z.object({
  claimId: id("Klaim"),
  reason: z.string().trim().min(5, "Alasan penolakan wajib diisi (minimal 5 karakter).").max(500, "Alasan terlalu panjang."),
});

export const claimPaymentSchema = z.object({
  claimId: id("Klaim"),
  heirName: z.string().trim().min(2, "Isi nama ahli waris atau wali yang menerima.").max(150, "Nama terlalu panjang."),
  relationship: z.string().trim().min(2, "Isi hubungan dengan peserta.").max(50, "Hubungan terlalu panjang."),
  amount: wholeNumber("jumlah", { min: 1 }),
  paidOn: calendarDate("tanggal bayar"),
  accountLast4: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[0-9]{4}$/, "Cukup 4 digit terakhir nomor rekening.")
      .nullable(),
  ),
});

export const documentKind = z.enum(Object.keys(DOCUMENT_LABELS) as [keyof typeof DOCUMENT_LABELS], { error: "Jenis dokumen tidak dikenal." });
