"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction } from "@/lib/auth/action";
import {
  createAmendment,
  createRegulation,
  enactAmendment,
  enactRegulation,
  endRegulation,
  returnRegulationToDraft,
  submitRegulationForReview,
  updateRegulation,
  moveWorkersBetweenRegulations,
  upsertRegulationBudget,
} from "@/lib/data/regulations";
import {
  amendmentEnactSchema,
  amendmentSchema,
  budgetSchema,
  enactSchema,
  endSchema,
  moveWorkersSchema,
  regulationIdSchema,
  regulationSchema,
} from "@/lib/validation/regulations";

export const createRegulationAction = authorizedAction("regulations.manage", regulationSchema, async (viewer, input) => {
  const row = await createRegulation(viewer, input);
  revalidatePath("/regulations");
  redirect(`/regulations/${row.id}`);
});

export const updateRegulationAction = authorizedAction("regulations.manage", regulationIdSchema.and(regulationSchema), async (viewer, input) => {
  await updateRegulation(viewer, input.regulationId, input);
  revalidatePath(`/regulations/${input.regulationId}`);
  redirect(`/regulations/${input.regulationId}`);
});

export const submitForReviewAction = authorizedAction("regulations.manage", regulationIdSchema, async (viewer, input) => {
  await submitRegulationForReview(viewer, input.regulationId);
  revalidatePath(`/regulations/${input.regulationId}`);
  return { status: "success", message: "Regulasi diajukan untuk harmonisasi." };
});

export const returnToDraftAction = authorizedAction("regulations.manage", regulationIdSchema, async (viewer, input) => {
  await returnRegulationToDraft(viewer, input.regulationId);
  revalidatePath(`/regulations/${input.regulationId}`);
  return { status: "success", message: "Regulasi dikembalikan menjadi draf." };
});

export const enactAction = authorizedAction("regulations.manage", enactSchema, async (viewer, input) => {
  await enactRegulation(viewer, input.regulationId, input);
  revalidatePath(`/regulations/${input.regulationId}`);
  return { status: "success", message: `Regulasi ditetapkan dengan nomor ${input.number}.` };
});

export const endAction = authorizedAction("regulations.manage", endSchema, async (viewer, input) => {
  await endRegulation(viewer, input.regulationId, input);
  revalidatePath(`/regulations/${input.regulationId}`);
  return { status: "success", message: input.reason === "revoked" ? "Regulasi dicabut." : "Regulasi dinyatakan berakhir." };
});

export const budgetAction = authorizedAction("regulations.manage", budgetSchema, async (viewer, input) => {
  await upsertRegulationBudget(viewer, input.regulationId, input);
  revalidatePath(`/regulations/${input.regulationId}`);
  return { status: "success", message: `Anggaran tahun ${input.fiscalYear} disimpan.` };
});

export const createAmendmentAction = authorizedAction("regulations.manage", amendmentSchema, async (viewer, input) => {
  await createAmendment(viewer, input.regulationId, input);
  revalidatePath(`/regulations/${input.regulationId}`);
  return { status: "success", message: "Draf perubahan dibuat. Tetapkan setelah disahkan." };
});

export const enactAmendmentAction = authorizedAction("regulations.manage", amendmentEnactSchema, async (viewer, input) => {
  await enactAmendment(viewer, input.amendmentId, input);
  revalidatePath("/regulations");
  return { status: "success", message: `Perubahan ${input.number} ditetapkan dan berlaku untuk regulasinya.` };
});

export const moveWorkersAction = authorizedAction("regulations.manage", moveWorkersSchema, async (viewer, input) => {
  const n = await moveWorkersBetweenRegulations(viewer, input);
  revalidatePath(`/regulations/${input.fromId}`);
  return { status: "success", message: `${n} pekerja dipindah ke regulasi tujuan.` };
});
