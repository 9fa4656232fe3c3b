import { z } from "zod";

export const officeSchema = z.object({
  name: z.string().trim().min(5, "Nama kantor minimal 5 huruf.").max(120, "Nama kantor terlalu panjang."),
  kind: z.enum(["kantor_cabang", "kantor_cabang_perintis"], { error: "Pilih jenis kantor." }),
  parentId: z.coerce.number({ error: "Pilih Kantor Wilayah." }).int().positive("Pilih Kantor Wilayah."),
});

export const officeUpdateSchema = z.object({
  officeId: z.coerce.number().int().positive(),
  name: z.string().trim().min(5, "Nama kantor minimal 5 huruf.").max(120, "Nama kantor terlalu panjang."),
  active: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const coverageSchema = z.object({
  officeId: z.coerce.number().int().positive(),
  regencyCode: z.string().regex(/^\d{2}\.\d{2}$/, "Kabupaten/kota tidak valid."),
  districtCodes: z.array(z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, "Kode kecamatan tidak valid.")).default([]),
});

export const assignUncoveredSchema = z.object({
  officeId: z.coerce.number({ error: "Pilih kantor cabang." }).int().positive("Pilih kantor cabang."),
  districtCodes: z.array(z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, "Kode kecamatan tidak valid.")).default([]),
});
