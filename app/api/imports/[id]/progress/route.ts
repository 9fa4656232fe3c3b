import { NextResponse } from "next/server";
import { authorizedRoute } from "@/lib/auth/route";
import { getImportBatchForViewer } from "@/lib/data/imports";

/** The batch's status and progress, polled by its page (no NIK here). */
export const GET = authorizedRoute<{ id: string }>(null, async (_req, { viewer, params }) => {
  const b = await getImportBatchForViewer(viewer, params.id);
  return NextResponse.json(
    { status: b.status, statusLabel: b.statusLabel, phase: b.phase, progress: b.progress, error: b.error },
    { headers: { "Cache-Control": "no-store" } },
  );
});
