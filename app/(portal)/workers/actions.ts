"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { storeNameSearch } from "@/lib/name-search";
import { decideCorrection } from "@/lib/data/corrections";
import { UserFacingError } from "@/lib/data/errors";
import { addHeir, removeHeir, updateHeir } from "@/lib/data/heirs";
import {
  activateWorker,
  approveWorkers,
  endWorker,
  recordDeath,
  findWorkerByNikForViewer,
  registerWorker,
  rejectWorkers,
  revealWorkerNik,
  submitWorker,
  updateWorker,
  verifyWorkers,
} from "@/lib/data/workers";
import { WORKER_STATUS_LABELS } from "@/lib/domain/worker-status";
import {
  activateSchema,
  correctionDecisionSchema,
  endWorkerSchema,
  heirSchema,
  recordDeathSchema,
  rejectSchema,
  workerIdSchema,
  workerIdsSchema,
  workerSchema,
  workerUpdateSchema,
} from "@/lib/validation/workers";

export const registerWorkerAction = authorizedAction("workers.register", workerSchema, async (viewer, input) => {
  const { id } = await registerWorker(viewer, input);
  revalidatePath("/workers");
  redirect(`/workers/${id}`);
});

export const submitWorkerAction = authorizedAction("workers.register", workerIdSchema, async (viewer, input) => {
  const status = await submitWorker(viewer, input.workerId);
  revalidatePath(`/workers/${input.workerId}`);
  return { status: "success", message: `Diajukan: status sekarang ${WORKER_STATUS_LABELS[status].toLowerCase()}.` };
});

export const approveWorkersAction = authorizedAction("workers.approve", workerIdsSchema, async (viewer, input) => {
  const n = await approveWorkers(viewer, input.workerIds);
  revalidatePath("/workers");
  return { status: "success", message: `${n} pekerja disetujui.` };
});

export const verifyWorkersAction = authorizedAction("workers.verify", workerIdsSchema, async (viewer, input) => {
  const n = await verifyWorkers(viewer, input.workerIds);
  revalidatePath("/verification");
  return { status: "success", message: `${n} pekerja diverifikasi.` };
});

export const rejectWorkersAction = authorizedAction("workers.verify", rejectSchema, async (viewer, input) => {
  const n = await rejectWorkers(viewer, input.workerIds, input.reason);
  revalidatePath("/verification");
  return { status: "success", message: `${n} pekerja ditolak; tempat kuotanya dilepas.` };
});

export const activateWorkerAction = authorizedAction("workers.verify", activateSchema, async (viewer, input) => {
  await activateWorker(viewer, input.workerId, input);
  revalidatePath(`/workers/${input.workerId}`);
  revalidatePath("/verification");
  return { status: "success", message: `KPJ ${input.kpjNumber} dicatat; pekerja aktif.` };
});

export const endWorkerAction = authorizedAction("workers.end", endWorkerSchema, async (viewer, input) => {
  await endWorker(viewer, input.workerId, input.reason, input.endedOn);
  revalidatePath(`/workers/${input.workerId}`);
  return { status: "success", message: "Kepesertaan diakhiri; tempat kuotanya diberikan ke daftar tunggu." };
});

export const recordDeathAction = authorizedAction("deaths.record", recordDeathSchema, async (viewer, input) => {
  await recordDeath(viewer, input.workerId, input.diedOn);
  revalidatePath(`/workers/${input.workerId}`);
  return { status: "success", message: "Kematian tercatat; kepesertaan berakhir pada tanggal meninggal. Unggah akta atau surat keterangan kematian." };
});

export const revealNikAction = authorizedAction("workers.revealNik", workerIdSchema, async (viewer, input) => {
  const nik = await revealWorkerNik(viewer, input.workerId);
  return { status: "success", message: nik };
});

/**
 * The list's filters arrive by POST: the typed name goes to a cookie, never into the URL. A box
 * holding 16 digits is a NIK: the audited, limited search (lib/data/workers.ts) opens that
 * worker's page, so no NIK is ever in a URL either.
 */
export const filterWorkersAction = authorizedAction(
  "workers.view",
  z.object({
    q: z.string().trim().max(100).optional(),
    status: z.string().max(40).optional(),
    kab: z.string().max(10).optional(),
    kec: z.string().max(20).optional(),
    per: z.string().max(4).optional(),
    urut: z.string().max(10).optional(),
  }),
  async (viewer, input) => {
    if (input.q && /^\d{16}$/.test(input.q.replace(/[\s.]/g, ""))) {
      const id = await findWorkerByNikForViewer(viewer, input.q).catch((e: unknown) => {
        if (e instanceof UserFacingError) throw new UserFacingError(e.message, { q: [e.message] });
        throw e;
      });
      redirect(`/workers/${id}`);
    }
    await storeNameSearch(input.q || undefined);
    const params = new URLSearchParams();
    for (const k of ["status", "kab", "kec", "urut"] as const) if (input[k]) params.set(k, input[k]);
    if (input.per && input.per !== "50") params.set("per", input.per);
    redirect(`/workers${params.size ? `?${params}` : ""}`);
  },
);

export const updateWorkerAction = authorizedAction("workers.register", workerIdSchema.and(workerUpdateSchema), async (viewer, input) => {
  // Identity changes of a verified worker become a correction request; the worker page shows it.
  await updateWorker(viewer, input.workerId, input);
  revalidatePath(`/workers/${input.workerId}`);
  redirect(`/workers/${input.workerId}`);
});

export const decideCorrectionAction = authorizedAction("workers.verify", correctionDecisionSchema, async (viewer, input) => {
  const approve = input.decision === "setujui";
  await decideCorrection(viewer, input.requestId, { approve, note: input.note });
  revalidatePath("/verification");
  return { status: "success", message: approve ? "Koreksi disetujui; data identitas pekerja diperbarui." : "Koreksi ditolak." };
});

const heirIdSchema = z.object({ heirId: z.coerce.number().int().positive() });

export const addHeirAction = authorizedAction("heirs.manage", workerIdSchema.and(heirSchema), async (viewer, input) => {
  await addHeir(viewer, input.workerId, input);
  revalidatePath(`/workers/${input.workerId}`);
  return { status: "success", message: `${input.name} ditambahkan ke daftar ahli waris.` };
});

export const updateHeirAction = authorizedAction("heirs.manage", heirIdSchema.and(heirSchema), async (viewer, input) => {
  const workerId = await updateHeir(viewer, input.heirId, input);
  revalidatePath(`/workers/${workerId}`);
  return { status: "success", message: "Data ahli waris disimpan." };
});

export const removeHeirAction = authorizedAction("heirs.manage", heirIdSchema, async (viewer, input) => {
  const workerId = await removeHeir(viewer, input.heirId);
  revalidatePath(`/workers/${workerId}`);
  return { status: "success", message: "Ahli waris dihapus dari daftar." };
});
