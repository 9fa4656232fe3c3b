import { calendarDate } from "./dates";
import { z } from "zod";

const isoDate = calendarDate;

const optionalDate = (label: string) => z.preprocess((v) => (v === "" || v == null ? null : v), isoDate(label).nullable());

// "20.000" and "20000" are both what people type; anything else is refused with a message.
export const wholeNumber = (label: string, { min = 0 } = {}) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .trim()
            .replace(/\./g, "")
            .replace(/^Rp\s*/i, "")
        : v,
    z
      .string({ error: `Isi ${label}.` })
      .min(1, `Isi ${label}.`)
      .regex(/^-?\d+$/, `${label[0]!.toUpperCase()}${label.slice(1)} harus berupa angka bulat.`)
      .transform(Number)
      .refine((n) => Number.isSafeInteger(n), `${label[0]!.toUpperCase()}${label.slice(1)} terlalu besar.`)
      .refine(
        (n) => n >= min,
        min > 0 ? `${label[0]!.toUpperCase()}${label.slice(1)} minimal ${min}.` : `${label[0]!.toUpperCase()}${label.slice(1)} tidak boleh negatif.`,
      ),
  );

const optionalWholeNumber = (label: string, opts?: { min?: number }) =>
  z.preprocess((v) => (v === "" || v == null ? null : v), wholeNumber(label, opts).nullable());

export const REGULATION_TYPES = ["perwal", "perbup", "pergub", "perda", "perdes", "pks"] as const;
export const REGULATION_ISSUERS = ["kabkota", "provinsi", "desa", "csr", "lainnya"] as const;

export const regulationSchema = z
  .object({
    regencyCode: z.string().trim().optional(),
    type: z.enum(REGULATION_TYPES, { error: "Pilih jenis regulasi." }),
    issuer: z.enum(REGULATION_ISSUERS, { error: "Pilih penerbit/penyandang dana." }),
    title: z.string().trim().min(5, "Judul minimal 5 huruf.").max(300, "Judul terlalu panjang."),
    startsOn: isoDate("tanggal mulai berlaku"),
    endsOn: optionalDate("tanggal akhir"),
    quota: wholeNumber("kuota", { min: 1 }),
    minAgeYears: wholeNumber("usia minimal", { min: 0 }),
    maxAgeYears: wholeNumber("usia maksimal", { min: 1 }),
    maxAgeExtraMonths: wholeNumber("bulan usia maksimal").refine((m) => m <= 11, "Bulan usia maksimal 0–11."),
    notes: z.string().trim().max(2000, "Catatan terlalu panjang.").default(""),
    villageCodes: z.array(z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "Kode desa tidak valid.")).default([]),
  })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, { path: ["endsOn"], message: "Tanggal akhir tidak boleh sebelum tanggal mulai." })
  .refine((v) => v.minAgeYears * 12 < v.maxAgeYears * 12 + v.maxAgeExtraMonths, { path: ["maxAgeYears"], message: "Usia maksimal harus di atas usia minimal." })
  .refine((v) => v.type !== "perdes" || v.villageCodes.length > 0, { path: ["villageCodes"], message: "Peraturan desa harus menyebut desa yang dicakup." });

export const regulationIdSchema = z.object({ regulationId: z.coerce.number().int().positive() });

export const enactSchema = regulationIdSchema.extend({
  number: z.string().trim().min(3, "Isi nomor regulasi.").max(120, "Nomor terlalu panjang."),
  enactedOn: isoDate("tanggal penetapan"),
});

export const endSchema = regulationIdSchema
  .extend({
    endedOn: isoDate("tanggal berakhir"),
    reason: z.enum(["expired", "revoked"], { error: "Pilih alasan berakhir." }),
    workers: z.enum(["move", "end"], { error: "Pilih apa yang terjadi pada pekerjanya." }),
    successorId: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable()),
  })
  .refine((v) => v.workers !== "move" || v.successorId, { path: ["successorId"], message: "Pilih regulasi pengganti." });

export const budgetSchema = regulationIdSchema.extend({
  fiscalYear: wholeNumber("tahun anggaran", { min: 2000 }).refine((y) => y <= 2100, "Tahun anggaran tidak valid."),
  allocated: wholeNumber("anggaran"),
  monthsCovered: wholeNumber("jumlah bulan", { min: 1 }).refine((m) => m <= 12, "Jumlah bulan paling banyak 12."),
  assumedMonthlyRate: optionalWholeNumber("asumsi iuran per bulan", { min: 1 }),
});

export const amendmentSchema = regulationIdSchema
  .extend({
    title: z.string().trim().min(5, "Judul minimal 5 huruf.").max(300, "Judul terlalu panjang."),
    newQuota: optionalWholeNumber("kuota baru", { min: 1 }),
    newEndsOn: optionalDate("tanggal akhir baru"),
    budgetFiscalYear: optionalWholeNumber("tahun anggaran", { min: 2000 }),
    budgetAllocated: optionalWholeNumber("anggaran baru"),
  })
  .refine((v) => v.newQuota != null || v.newEndsOn != null || v.budgetAllocated != null, {
    path: ["title"],
    message: "Perubahan harus mengubah kuota, tanggal akhir, atau anggaran.",
  })
  .refine((v) => (v.budgetFiscalYear == null) === (v.budgetAllocated == null), {
    path: ["budgetAllocated"],
    message: "Isi tahun anggaran dan jumlah anggaran bersama-sama.",
  });

export const amendmentEnactSchema = z.object({
  amendmentId: z.coerce.number().int().positive(),
  number: z.string().trim().min(3, "Isi nomor perubahan.").max(120, "Nomor terlalu panjang."),
  enactedOn: isoDate("tanggal penetapan"),
});

export const moveWorkersSchema = z.object({
  fromId: z.coerce.number().int().positive(),
  toId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ error: "Pilih regulasi tujuan." }).int().positive("Pilih regulasi tujuan.")),
  count: wholeNumber("jumlah pekerja", { min: 1 }),
});
