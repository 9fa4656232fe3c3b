import { NextResponse } from "next/server";
import { authorizedRoute, FORM_TYPES } from "@/lib/auth/route";
import { stageUpload } from "@/lib/imports/upload";
import { enqueue } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/queue";

/**
 * Upload of a worker list: the raw file as the request body (streamed, never through a server
 * action's 1 MB limit), `?nama=` its file name, `?terdaftar=lewati|perbarui` what to do with NIKs
 * already enrolled in the area. Answers the batch id; the worker validates it.
 */
export const POST = authorizedRoute(
  "imports.upload",
  async (req, { viewer }) => {
    const sp = req.nextUrl.searchParams;
    const originalName = (sp.get("nama") ?? "berkas").replace(/[\r\n"]/g, "").slice(0, 200) || "berkas";
    const batch = await stageUpload(viewer, req.body, originalName, sp.get("terdaftar") === "perbarui" ? "perbarui" : "lewati");
    if (!batch.existed) await enqueue(QUEUES.validate, batch.id);
    return NextResponse.json(batch, { status: batch.existed ? 200 : 201 });
  },
  // The body is the file as the browser names it; its real type is read from its bytes
  // (lib/imports/file.ts), so a picture gets "Jenis berkas tidak didukung…" there. Form bodies are refused.
  { accepts: (type) => !FORM_TYPES.includes(type) },
);
