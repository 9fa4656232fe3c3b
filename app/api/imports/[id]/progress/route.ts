import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/data/errors";
import { getImportBatchForViewer } from "@/lib/data/imports";

/** The batch's status and progress, polled by its page (no NIK here). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer || viewer.mustChangePassword) return NextResponse.json({ message: "Silakan masuk." }, { status: 401 });
  try {
    const b = await getImportBatchForViewer(viewer, (await params).id);
    return NextResponse.json({ status: b.status, statusLabel: b.statusLabel, phase: b.phase, progress: b.progress, error: b.error }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof NotFoundError) return NextResponse.json({ message: e.message }, { status: 404 });
    if (e instanceof ForbiddenError) return NextResponse.json({ message: "Anda tidak berwenang." }, { status: 403 });
    throw e;
  }
}
