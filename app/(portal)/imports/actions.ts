"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { cancelImport, requestImportCommit } from "@/lib/data/imports";
import { enqueue } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/queue";

const batchSchema = z.object({ batchId: z.string().uuid("Impor tidak dikenal.") });
const commitSchema = batchSchema.extend({ flagged: z.enum(["impor", "lewati"]).optional() });

export const commitImportAction = authorizedAction("imports.commit", commitSchema, async (viewer, input) => {
  await requestImportCommit(viewer, input.batchId, input.flagged);
  await enqueue(QUEUES.commit, input.batchId);
  revalidatePath(`/imports/${input.batchId}`);
  return { status: "success", message: "Impor sedang diterapkan." };
});

export const cancelImportAction = authorizedAction("imports.upload", batchSchema, async (viewer, input) => {
  await cancelImport(viewer, input.batchId);
  revalidatePath(`/imports/${input.batchId}`);
  return { status: "success", message: "Impor dibatalkan." };
});
