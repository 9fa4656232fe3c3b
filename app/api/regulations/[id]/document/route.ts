import { authorizedRoute, jsonMessage, routeId } from "@/lib/auth/route";
import { NotFoundError } from "@/lib/data/errors";
import { getRegulationDocumentForViewer, getRegulationForViewer, setAmendmentDocument, setRegulationDocument } from "@/lib/data/regulations";
import { HttpError } from "@/lib/http-error";
import { MAX_PDF_BYTES, pdfResponse, receivePdf, removeStoredFile, uploadName } from "@/lib/storage";

// ?amendment=<id> addresses an amendment's own document.
function amendmentOf(sp: URLSearchParams): number | undefined {
  const raw = sp.get("amendment");
  return raw === null ? undefined : routeId(raw, "Perubahan");
}

/** Upload the signed PDF: streamed into the file store (server actions take 1 MB bodies), ≤ 10 MB, %PDF- checked. */
export const POST = authorizedRoute<{ id: string }>(
  "regulations.manage",
  async (req, { viewer, params }) => {
    const id = routeId(params.id, "Regulasi");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_PDF_BYTES) throw new HttpError(413, "Berkas lebih dari 10 MB. Perkecil PDF-nya lalu unggah lagi.");
    const amendment = amendmentOf(req.nextUrl.searchParams);
    // Scope first: nothing of another area's upload reaches the store.
    await getRegulationForViewer(viewer, id);
    const stored = await receivePdf(req.body, viewer.id, { kind: "regulation_document", label: "dokumen regulasi" });
    try {
      const originalName = uploadName(req.headers, "regulasi.pdf");
      const file = { storedName: stored.id, originalName };
      const previous = amendment ? await setAmendmentDocument(viewer, id, amendment, file) : await setRegulationDocument(viewer, id, file);
      await removeStoredFile(previous);
      return jsonMessage(200, `Dokumen ${originalName} tersimpan.`);
    } catch (e) {
      await removeStoredFile(stored.id);
      throw e;
    }
  },
  { accepts: ["application/pdf", "application/octet-stream", ""] },
);

/** The document, only to viewers whose scope includes the regulation; ranged reads for PDF viewers. */
export const GET = authorizedRoute<{ id: string }>("regulations.view", async (req, { viewer, params }) => {
  const id = routeId(params.id, "Dokumen");
  const doc = await getRegulationDocumentForViewer(viewer, id, amendmentOf(req.nextUrl.searchParams));
  const res = await pdfResponse(doc.file, doc.name, req.headers.get("range"));
  if (!res) throw new NotFoundError("Dokumen");
  return res;
});
