import { authorizedRoute, jsonMessage, routeId } from "@/lib/auth/route";
import { NotFoundError } from "@/lib/data/errors";
import { getReconciliationForViewer, getSignedBeritaAcaraForViewer, lockReconciliation } from "@/lib/data/reconciliations";
import { HttpError } from "@/lib/http-error";
import { MAX_PDF_BYTES, pdfResponse, receivePdf, removeStoredFile, uploadName } from "@/lib/storage";

/** The signed berita acara (PDF ≤ 10 MB): stored, and the month's reconciliation is locked. */
export const POST = authorizedRoute<{ id: string }>(
  "reconciliation.upload",
  async (req, { viewer, params }) => {
    const id = routeId(params.id, "Rekonsiliasi");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_PDF_BYTES) throw new HttpError(413, "Berkas lebih dari 10 MB. Perkecil PDF-nya lalu unggah lagi.");
    await getReconciliationForViewer(viewer, id);
    const stored = await receivePdf(req.body, viewer.id, { kind: "reconciliation_signed", label: "berita acara rekonsiliasi bertanda tangan" });
    try {
      const name = uploadName(req.headers, "berita-acara.pdf");
      await lockReconciliation(viewer, id, { fileId: stored.id, name });
      return jsonMessage(200, `Berita acara ${name} tersimpan; rekonsiliasi bulan ini dikunci.`);
    } catch (e) {
      await removeStoredFile(stored.id);
      throw e;
    }
  },
  { accepts: ["application/pdf", "application/octet-stream", ""] },
);

export const GET = authorizedRoute<{ id: string }>("billing.view", async (req, { viewer, params }) => {
  const id = routeId(params.id, "Berita acara");
  const doc = await getSignedBeritaAcaraForViewer(viewer, id);
  const res = await pdfResponse(doc.file, doc.name, req.headers.get("range"));
  if (!res) throw new NotFoundError("Berita acara");
  return res;
});
