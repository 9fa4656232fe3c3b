"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction } from "@/lib/auth/action";
import { draftBillsForViewer, issueBill, voidBill } from "@/lib/data/billing";
import { reactivateContributions } from "@/lib/data/contributions";
import { cancelPayment, confirmPaymentPart, receiveRefund, recordPayment, reversePaymentPart } from "@/lib/data/payments";
import { monthLabel } from "@/lib/domain/wib";
import { formatNumber, formatRupiah } from "@/lib/format";
import {
  cancelPaymentSchema,
  confirmPartSchema,
  draftSchema,
  issueSchema,
  paymentSchema,
  reactivateSchema,
  receiveRefundSchema,
  reversePartSchema,
  voidSchema,
} from "@/lib/validation/billing";

export const draftBillsAction = authorizedAction("billing.draft", draftSchema, async (viewer, input) => {
  const r = await draftBillsForViewer(viewer, input);
  revalidatePath("/billing");
  const parts = [`${formatNumber(r.added)} baris iuran`, `${formatNumber(r.susulan)} susulan`, `${formatNumber(r.koreksi)} koreksi`];
  if (r.removed) parts.push(`${formatNumber(r.removed)} baris dihapus karena tidak lagi terutang`);
  if (r.untertagih) parts.push(`${formatNumber(r.untertagih)} pekerja tidak tertagih (kecamatan tanpa kantor cabang)`);
  return { status: "success", message: `Tagihan ${monthLabel(input.month)} disusun: ${parts.join(", ")}.` };
});

export const issueBillAction = authorizedAction("billing.issue", issueSchema, async (viewer, input) => {
  const r = await issueBill(viewer, input.billId, input.kodeIuran);
  revalidatePath(`/billing/${input.billId}`);
  return {
    status: "success",
    message: `Tagihan diterbitkan dengan kode iuran ${input.kodeIuran}.${r.creditApplied ? ` Kredit ${formatRupiah(r.creditApplied)} dialokasikan.` : ""}`,
  };
});

export const voidBillAction = authorizedAction("billing.void", voidSchema, async (viewer, input) => {
  await voidBill(viewer, input.billId, input.reason);
  revalidatePath(`/billing/${input.billId}`);
  return { status: "success", message: "Tagihan dibatalkan." };
});

export const recordPaymentAction = authorizedAction("payments.record", paymentSchema, async (viewer, input) => {
  const r = await recordPayment(viewer, { ...input, billIds: input.billIds.length ? input.billIds : null });
  revalidatePath("/billing");
  redirect(`/billing/payments/${r.id}`);
});

export const cancelPaymentAction = authorizedAction("payments.record", cancelPaymentSchema, async (viewer, input) => {
  await cancelPayment(viewer, input.paymentId, input.reason);
  revalidatePath(`/billing/payments/${input.paymentId}`);
  return { status: "success", message: "Pembayaran dibatalkan; baris tagihannya kembali belum dibayar." };
});

export const confirmPartAction = authorizedAction("payments.confirm", confirmPartSchema, async (viewer, input) => {
  const r = await confirmPaymentPart(viewer, input.partId, input.receiptNumber);
  revalidatePath("/billing", "layout");
  return { status: "success", message: `Dikonfirmasi: ${formatNumber(r.months)} bulan iuran tercatat lunas.` };
});

export const reversePartAction = authorizedAction("payments.confirm", reversePartSchema, async (viewer, input) => {
  await reversePaymentPart(viewer, input.partId, input.reason);
  revalidatePath("/billing", "layout");
  return { status: "success", message: "Konfirmasi dibalik; bulan-bulannya kembali belum dibayar." };
});

export const reactivateAction = authorizedAction("contributions.reactivate", reactivateSchema, async (viewer, input) => {
  await reactivateContributions(viewer, input.workerId, input.reason);
  revalidatePath(`/workers/${input.workerId}`);
  return { status: "success", message: "Kepesertaan diaktifkan kembali mulai hari ini; iuran ditagih lagi sejak bulan ini." };
});

export const receiveRefundAction = authorizedAction("payments.record", receiveRefundSchema, async (viewer, input) => {
  await receiveRefund(viewer, input.refundId, input);
  revalidatePath("/billing", "layout");
  revalidatePath("/regulations", "layout");
  return { status: "success", message: "Pengembalian dicatat diterima di Kas Daerah." };
});
