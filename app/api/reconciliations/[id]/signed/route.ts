import { Readable } from "node:stream";
import { authorizedRoute, jsonMessage, routeId } from "@/lib/auth/route";
import { NotFoundError } from "@/lib/data/errors";
import { getReconciliationForViewer, getSignedBeritaAcaraForViewer, lockReconciliation } from "@/lib/data/reconciliations";
import { HttpError } from "@/lib/http-error";
import { fileStore, MAX_PDF_BYTES, receivePdf, removeStoredFile } from "@/lib/storage";

/** The signed berita acara (PDF ≤ 10 MB): stored, and the month's reconciliation is locked. */
export const POST = authorizedRoute<{ id: string }>(
  "reconciliation.upload",
  async (req, { viewer, params }) => {
    const id = routeId(params.id, "Rekonsiliasi");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_PDF_BYTES) throw new HttpError(413, "Berkas lebih dari 10 MB. Perkecil PDF-nya lalu unggah lagi.");
    await getReconciliationForViewer(viewer, id);
    const stored = await receivePdf(req.body, viewer.id);
    try {
      const rawName = decodeURIComponent(req.headers.get("x-file-name") ?? "berita-acara.pdf");
      const name = rawName.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 150) || "berita-acara.pdf";
      await lockReconciliation(viewer, id, { fileId: stored.id, name });
      return jsonMessage(200, `Berita acara ${name} tersimpan; rekonsiliasi bulan ini dikunci.`);
    } catch (e) {
      await removeStoredFile(stored.id);
      throw e;
    }
  },
  { accepts: ["application/pdf", "application/octet-stream", ""] },
);

export const GET = authorizedRoute<{ id: string }>("billing.view", async (_req, { viewer, params }) => {
  const id = routeId(params.id, "Berita acara");
  const doc = await getSignedBeritaAcaraForViewer(viewer, id);
  const stat = await fileStore().stat(doc.file);
  if (!stat) throw new NotFoundError("Berita acara");
  return new Response(Readable.toWeb(fileStore().read(doc.file)) as ReadableStream, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Length": String(stat.size),
    },
  });
});
