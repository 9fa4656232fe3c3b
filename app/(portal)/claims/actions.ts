"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction } from "@/lib/auth/action";
import { decideClaim, openClaim, recordClaimPayment, refuseClaim, submitClaim } from "@/lib/data/claims";
import { UserFacingError } from "@/lib/data/errors";
import { formatRupiah } from "@/lib/format";
import { claimIdSchema, claimPaymentSchema, componentAmount, decideClaimSchema, openClaimSchema, refuseClaimSchema } from "@/lib/validation/claims";

export const openClaimAction = authorizedAction("claims.open", openClaimSchema, async (viewer, input) => {
  const r = await openClaim(viewer, {
    workerId: input.workerId,
    type: input.type,
    jkkKind: input.type === "jkk" ? input.jkkKind : null,
    eventDate: input.eventDate ?? "",
    eventTime: input.eventTime,
    place: input.place,
    description: input.description,
    child:
      input.type === "beasiswa"
        ? {
            name: input.childName ?? "",
            birthDate: input.childBirthDate ?? "",
            level: input.schoolLevel ?? "tk_sd",
            guardianName: input.guardianName,
            notMarriedNotWorking: input.notMarriedNotWorking,
          }
        : null,
  });
  revalidatePath(`/workers/${input.workerId}`);
  redirect(`/claims/${r.id}`);
});

export const submitClaimAction = authorizedAction("claims.open", claimIdSchema, async (viewer, input) => {
  await submitClaim(viewer, input.claimId);
  revalidatePath(`/claims/${input.claimId}`);
  return { status: "success", message: "Klaim diajukan ke BPJS Ketenagakerjaan." };
});

export const decideClaimAction = authorizedAction("claims.decide", decideClaimSchema, async (viewer, input) => {
  const components: { code: string; amount: number }[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(input)) {
    if (!k.startsWith("component_")) continue;
    const parsed = componentAmount.safeParse(v);
    if (parsed.success) components.push({ code: k.slice("component_".length), amount: Number(parsed.data) });
    else fieldErrors[k] = parsed.error.issues.map((i) => i.message);
  }
  if (Object.keys(fieldErrors).length) throw new UserFacingError("Periksa jumlah per komponen.", fieldErrors);
  await decideClaim(viewer, input.claimId, { penetapanNumber: input.penetapanNumber, components });
  revalidatePath(`/claims/${input.claimId}`);
  return { status: "success", message: `Penetapan dicatat: ${formatRupiah(components.reduce((t, c) => t + c.amount, 0))}.` };
});

export const refuseClaimAction = authorizedAction("claims.decide", refuseClaimSchema, async (viewer, input) => {
  await refuseClaim(viewer, input.claimId, input.reason);
  revalidatePath(`/claims/${input.claimId}`);
  return { status: "success", message: "Klaim ditolak." };
});

export const claimPaymentAction = authorizedAction("claims.decide", claimPaymentSchema, async (viewer, input) => {
  const r = await recordClaimPayment(viewer, input.claimId, { ...input, amount: Number(input.amount) });
  revalidatePath(`/claims/${input.claimId}`);
  return { status: "success", message: r.paidInFull ? "Pembayaran dicatat; klaim lunas dibayar." : "Pembayaran dicatat." };
});
