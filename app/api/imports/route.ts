import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { UserFacingError } from "@/lib/data/errors";
import { stageUpload } from "@/lib/imports/upload";
import { enqueue } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/queue";

/**
 * Upload of a worker list: the raw file as the request body (streamed to disk, never through a
 * server action's 1 MB limit), `?nama=` its file name, `?terdaftar=lewati|perbarui` what to do
 * with NIKs already enrolled in the area. Answers the batch id; the worker validates it.
 */
export async function POST(req: NextRequest) {
  const viewer = await getViewer();
  if (!viewer || viewer.mustChangePassword) return NextResponse.json({ message: "Silakan masuk." }, { status: 401 });
  if (!can(viewer.role, "imports.upload")) return NextResponse.json({ message: "Anda tidak berwenang mengimpor data pekerja." }, { status: 403 });
  const sp = req.nextUrl.searchParams;
  const originalName = (sp.get("nama") ?? "berkas").replace(/[\r\n"]/g, "").slice(0, 200) || "berkas";
  try {
    const batch = await stageUpload(viewer, req.body, originalName, sp.get("terdaftar") === "perbarui" ? "perbarui" : "lewati");
    if (!batch.existed) await enqueue(QUEUES.validate, batch.id);
    return NextResponse.json(batch, { status: batch.existed ? 200 : 201 });
  } catch (e) {
    if (e instanceof UserFacingError) return NextResponse.json({ message: e.message }, { status: /lebih dari/.test(e.message) ? 413 : 400 });
    throw e;
  }
}
