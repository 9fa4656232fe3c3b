import { z } from "zod";
import { calendarDate } from "./dates";
import { wholeNumber } from "./regulations";

const id = (label: string) =>
  z.coerce
    .number({ error: `${label} tidak dikenal.` })
    .int(`${label} tidak dikenal.`)
    .positive(`${label} tidak dikenal.`);
const reason = (what: string) => z.string().trim().min(5, `Alasan ${what} wajib diisi (minimal 5 karakter).`).max(500, "Alasan terlalu panjang.");

export const draftSchema = z.object({
  regulationId: id("Regulasi"),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Pilih bulan tagihan."),
});

export const issueSchema = z.object({
  billId: id("Tagihan"),
  kodeIuran: z
    .string()
    .trim()
    .regex(/^[0-9]{11}$/, "Kode iuran harus 11 digit angka."),
});

export const voidSchema = z.object({ billId: id("Tagihan"), reason: reason("pembatalan") });

const kpjList = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/[\s,;]+/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  z.array(z.string().regex(/^[A-Za-z0-9]{5,20}$/, "Nomor KPJ hanya huruf dan angka (5–20).")).max(5000, "Paling banyak 5.000 KPJ."),
);

export const paymentSchema = z.object({
  idempotencyKey: z.string().uuid("Muat ulang formulir lalu kirim lagi."),
  regulationId: id("Regulasi"),
  number: z.string().trim().min(1, "Nomor SP2D wajib diisi.").max(100, "Nomor SP2D terlalu panjang."),
  paidOn: calendarDate("tanggal SP2D"),
  amount: wholeNumber("jumlah", { min: 1 }),
  billIds: z.array(z.coerce.number().int().positive()).default([]),
  holdKpj: kpjList,
  acceptOverBudget: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const cancelPaymentSchema = z.object({ paymentId: id("Pembayaran"), reason: reason("pembatalan") });

export const confirmPartSchema = z.object({
  partId: id("Bagian pembayaran"),
  receiptNumber: z.string().trim().min(3, "Isi nomor tanda bukti penerimaan iuran.").max(100, "Nomor tanda bukti terlalu panjang."),
});

export const reversePartSchema = z.object({ partId: id("Bagian pembayaran"), reason: reason("pembalikan") });

export const reactivateSchema = z.object({ workerId: id("Pekerja"), reason: reason("reaktivasi") });

export const receiveRefundSchema = z.object({
  refundId: id("Pengembalian"),
  receivedOn: calendarDate("tanggal diterima"),
  reference: z.string().trim().min(3, "Isi nomor Surat Tanda Setoran (STS).").max(100, "Nomor STS terlalu panjang."),
});
