import { authorizedRoute, jsonMessage, routeId } from "@/lib/auth/route";
import { NotFoundError } from "@/lib/data/errors";
import { getDeathDocumentForViewer, getDeathForViewer, setDeathDocument } from "@/lib/data/workers";
import { HttpError } from "@/lib/http-error";
import { MAX_PDF_BYTES, pdfResponse, receivePdf, removeStoredFile, uploadName } from "@/lib/storage";

/** Upload the death certificate or statement of the worker's recorded death (PDF ≤ 10 MB, streamed into the file store, %PDF- checked). */
export const POST = authorizedRoute<{ id: string }>(
  "deaths.record",
  async (req, { viewer, params }) => {
    const id = routeId(params.id, "Pekerja");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_PDF_BYTES) throw new HttpError(413, "Berkas lebih dari 10 MB. Perkecil PDF-nya lalu unggah lagi.");
    // Scope first: nothing of another area's upload reaches the store.
    const death = await getDeathForViewer(viewer, id);
    if (!death) throw new NotFoundError("Kematian");
    const stored = await receivePdf(req.body, viewer.id, { kind: "death_document", label: "akta atau surat keterangan kematian" });
    try {
      const name = uploadName(req.headers, "kematian.pdf");
      const previous = await setDeathDocument(viewer, death.id, { fileId: stored.id, name });
      await removeStoredFile(previous);
      return jsonMessage(200, `Dokumen kematian ${name} tersimpan.`);
    } catch (e) {
      await removeStoredFile(stored.id);
      throw e;
    }
  },
  { accepts: ["application/pdf", "application/octet-stream", ""] },
);

/** The document, to those who may see the worker; every view is logged. */
export const GET = authorizedRoute<{ id: string }>("workers.view", async (req, { viewer, params }) => {
  const id = routeId(params.id, "Pekerja");
  const death = await getDeathForViewer(viewer, id);
  if (!death) throw new NotFoundError("Dokumen kematian");
  const doc = await getDeathDocumentForViewer(viewer, death.id);
  const res = await pdfResponse(doc.file, doc.name, req.headers.get("range"));
  if (!res) throw new NotFoundError("Dokumen kematian");
  return res;
});
