import { z } from "zod";
import { HEIR_RELATIONSHIPS, type HeirRelationship } from "@/lib/domain/heirs";
import { SOURCES } from "@/lib/domain/worker-sources";
import { calendarDate } from "./dates";

export { HEIR_RELATIONSHIPS };
const relationship = z.enum(Object.keys(HEIR_RELATIONSHIPS) as [HeirRelationship], { error: "Pilih hubungan ahli waris." });
const nikDigits = (msg: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/[\s.]/g, "") || null : v),
    z
      .string()
      .regex(/^\d{16}$/, msg)
      .nullable()
      .optional(),
  );

const text = (max: number, msg: string) => z.string().trim().max(max, msg);
const optional = (max: number, msg: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(max, msg).nullable().optional());

export { SOURCES };

const wholeRupiah = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .trim()
          .replace(/\./g, "")
          .replace(/^Rp\s*/i, "") || "1000000"
      : v,
  z
    .string()
    .regex(/^\d+$/, "Penghasilan harus berupa angka rupiah.")
    .transform(Number)
    .refine((n) => n <= 1_000_000_000, "Penghasilan terlalu besar."),
);

/** A worker's own fields, shared by registration and correction. */
const workerFields = {
  nik: z.string({ error: "Isi NIK." }).trim().min(1, "Isi NIK."),
  name: z.string({ error: "Isi nama lengkap." }).trim().min(2, "Isi nama lengkap sesuai KTP.").max(150, "Nama terlalu panjang."),
  birthDate: calendarDate("tanggal lahir"),
  sex: z.enum(["L", "P"], { error: "Pilih jenis kelamin." }),
  address: text(300, "Alamat terlalu panjang.").default(""),
  districtCode: optional(20, "Kecamatan tidak valid."),
  villageCode: optional(20, "Kelurahan/desa tidak valid."),
  phone: z
    .string()
    .trim()
    .regex(/^(\+62|0)[0-9 -]{7,15}$|^$/, "Nomor HP tidak valid (contoh: 0812 3456 7890).")
    .default(""),
  occupationId: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable()),
  income: wholeRupiah,
  kkNumber: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/[\s.]/g, "") || null : v),
    z
      .string()
      .regex(/^\d{16}$/, "Nomor KK harus 16 digit.")
      .nullable()
      .optional(),
  ),
  source: text(60, "Sumber data tidak valid.").default(""),
  intent: z.enum(["draft", "submit"]).default("submit"),
  confirmWarnings: z.preprocess((v) => v === "on" || v === "true", z.boolean()).default(false),
};

/** Registration also takes the first heir (the worker page manages the whole list). */
const firstHeirFields = {
  heirName: optional(150, "Nama ahli waris terlalu panjang."),
  heirRelationship: z.preprocess((v) => (v === "" ? null : v), relationship.nullable().optional()),
  heirNik: nikDigits("NIK ahli waris harus 16 digit."),
};

function placeOnSubmit(v: { intent: string; districtCode?: string | null; villageCode?: string | null }, ctx: z.RefinementCtx) {
  if (v.intent !== "submit") return;
  if (!v.districtCode) ctx.addIssue({ code: "custom", path: ["districtCode"], message: "Pilih kecamatan." });
  if (!v.villageCode) ctx.addIssue({ code: "custom", path: ["villageCode"], message: "Pilih kelurahan/desa." });
}

/** The registration form. Drafts may be incomplete; submission needs kecamatan, kelurahan and an heir. */
export const workerSchema = z.object({ ...workerFields, ...firstHeirFields }).superRefine((v, ctx) => {
  placeOnSubmit(v, ctx);
  if (v.heirName && !v.heirRelationship) ctx.addIssue({ code: "custom", path: ["heirRelationship"], message: "Pilih hubungan ahli waris." });
  if (v.intent !== "submit") return;
  if (!v.heirName) ctx.addIssue({ code: "custom", path: ["heirName"], message: "Isi nama ahli waris." });
  if (!v.heirRelationship) ctx.addIssue({ code: "custom", path: ["heirRelationship"], message: "Pilih hubungan ahli waris." });
});

/** Correcting a worker's data: the heirs are kept in their own list on the worker page. */
export const workerUpdateSchema = z.object(workerFields).superRefine(placeOnSubmit);
export type WorkerUpdateInput = z.infer<typeof workerUpdateSchema>;

export type WorkerInput = z.infer<typeof workerSchema>;

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** One heir of the list on the worker page (lib/data/heirs.ts checks the NIK's structure and that it is not the worker's). */
export const heirSchema = z
  .object({
    name: z.string({ error: "Isi nama ahli waris." }).trim().min(2, "Isi nama ahli waris sesuai KTP/KK.").max(150, "Nama terlalu panjang."),
    relationship,
    nik: nikDigits("NIK ahli waris harus 16 digit."),
    birthDate: z.preprocess(blankToNull, calendarDate("tanggal lahir").nullable().optional()),
    phone: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .regex(/^(\+62|0)[0-9 -]{7,15}$/, "Nomor HP tidak valid (contoh: 0812 3456 7890).")
        .nullable()
        .optional(),
    ),
    bankName: z.preprocess(blankToNull, z.string().trim().min(2, "Isi nama bank.").max(60, "Nama bank terlalu panjang.").nullable().optional()),
    bankAccount: z.preprocess(
      (v) => (typeof v === "string" ? v.replace(/[\s.-]/g, "") || null : v),
      z
        .string()
        .regex(/^\d{6,20}$/, "Nomor rekening 6–20 angka.")
        .nullable()
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.bankAccount && !v.bankName) ctx.addIssue({ code: "custom", path: ["bankName"], message: "Isi nama bank untuk nomor rekening ini." });
    if (v.bankName && !v.bankAccount) ctx.addIssue({ code: "custom", path: ["bankAccount"], message: "Isi nomor rekening, atau kosongkan nama bank." });
  });

export type HeirInput = z.infer<typeof heirSchema>;

/** The workers a queue action applies to (the ticked boxes, or one row's own button). */
export const workerIdsSchema = z.object({ workerIds: z.array(z.coerce.number().int().positive()).min(1, "Pilih minimal satu pekerja.") });
export const workerIdSchema = z.object({ workerId: z.coerce.number().int().positive() });
export const rejectSchema = workerIdsSchema.extend({ reason: z.string().trim().min(5, "Tulis alasan penolakan (minimal 5 huruf).").max(500) });
export const activateSchema = workerIdSchema.extend({
  kpjNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{8,16}$/, "Nomor KPJ 8–16 huruf/angka."),
  coverageStart: calendarDate("tanggal mulai kepesertaan"),
});
export const endWorkerSchema = workerIdSchema.extend({
  reason: z.enum(["meninggal", "pindah_domisili", "tidak_memenuhi_syarat", "mengundurkan_diri"], { error: "Pilih alasan." }),
  // The day it took effect (a death's date), not the day it is typed.
  endedOn: calendarDate("tanggal berakhir"),
});

export const recordDeathSchema = workerIdSchema.extend({ diedOn: calendarDate("tanggal meninggal") });

const FUNDERS = ["kabkota", "provinsi", "desa", "csr", "lainnya"] as const;
const kopText = (max: number, what: string) => z.preprocess((v) => blankToNull(v ?? ""), z.string().trim().max(max, `${what} terlalu panjang.`).nullable());

export const areaSettingsSchema = z
  .object({
    requiresApproval: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    importOneStep: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    funderPriority: z.array(z.enum(FUNDERS)).length(FUNDERS.length, "Urutkan kelima penyandang dana."),
    // The kop and signature block of the Dinas's printed documents.
    dinasName: kopText(150, "Nama dinas"),
    kopAddress: kopText(250, "Alamat"),
    headTitle: kopText(150, "Jabatan"),
    headName: kopText(150, "Nama"),
    headNip: z.preprocess(
      (v) => (typeof v === "string" ? v.replace(/\s/g, "") : v),
      z.preprocess(
        (v) => blankToNull(v ?? ""),
        z
          .string()
          .regex(/^\d{18}$/, "NIP terdiri dari 18 digit angka.")
          .nullable(),
      ),
    ),
  })
  .refine((v) => new Set(v.funderPriority).size === FUNDERS.length, { path: ["funderPriority"], message: "Setiap penyandang dana harus muncul tepat sekali." });

export const correctionDecisionSchema = z.object({
  requestId: z.coerce.number().int().positive(),
  decision: z.enum(["setujui", "tolak"], { error: "Pilih setujui atau tolak." }),
  note: z
    .string()
    .trim()
    .max(500, "Catatan terlalu panjang.")
    .optional()
    .transform((v) => v || null),
});
