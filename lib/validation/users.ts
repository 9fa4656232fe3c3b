import { z } from "zod";
import { ROLES } from "@/lib/authz/roles";
import { PASSWORD_MIN } from "@/lib/domain/password-policy";

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? null : s))
  .nullable()
  .optional();

export const userAssignmentSchema = z
  .object({
    role: z.enum(ROLES, { error: "Pilih peran." }),
    regencyCode: optionalText,
    officeId: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable()),
  })
  .superRefine((v, ctx) => {
    if ((v.role === "petugas" || v.role === "supervisor") && !v.regencyCode) {
      ctx.addIssue({ code: "custom", path: ["regencyCode"], message: "Petugas dan supervisor harus terikat pada satu kabupaten/kota." });
    }
    if ((v.role === "kepala_cabang" || v.role === "kepala_wilayah") && !v.officeId) {
      ctx.addIssue({ code: "custom", path: ["officeId"], message: "Pilih kantor BPJS Ketenagakerjaan untuk peran ini." });
    }
  });

export const createUserSchema = z
  .object({
    name: z.string().trim().min(3, "Nama minimal 3 huruf.").max(120, "Nama terlalu panjang."),
    email: z.string().trim().toLowerCase().email("Format email tidak valid."),
  })
  .and(userAssignmentSchema);

export const userIdSchema = z.object({ userId: z.string().uuid("Pengguna tidak valid.") });

export { PASSWORD_MIN };
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Isi kata sandi saat ini."),
    newPassword: z.string().min(PASSWORD_MIN, `Kata sandi baru minimal ${PASSWORD_MIN} karakter.`).max(200, "Kata sandi terlalu panjang."),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Konfirmasi tidak sama dengan kata sandi baru." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Kata sandi baru harus berbeda dari yang lama." });

export const loginSchema = z.object({
  email: z.string().trim().min(1, "Isi email.").max(200),
  password: z.string().min(1, "Isi kata sandi.").max(200),
});

/** The second login step: six digits from the app, or a recovery code ("xxxxx-xxxxx"). */
export const loginCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Isi kode dari aplikasi autentikator.")
    .max(40)
    .refine((c) => /^\d{3}\s?\d{3}$/.test(c) || /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(c), "Kode terdiri dari 6 angka, atau kode pemulihan seperti abcde-fghjk."),
});

/** Confirming the set-up of an authenticator app. */
export const mfaConfirmSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, "Ketik 6 angka yang tampil di aplikasi autentikator."),
});
