import { authorizedRoute, jsonMessage, routeId } from "@/lib/auth/route";
import { getClaimDocumentForViewer, getClaimForViewer, setClaimDocument } from "@/lib/data/claims";
import { NotFoundError } from "@/lib/data/errors";
import { HttpError } from "@/lib/http-error";
import { MAX_PDF_BYTES, pdfResponse, receiveUpload, removeStoredFile, uploadName } from "@/lib/storage";
import { documentKind } from "@/lib/validation/claims";

function kindOf(raw: string) {
  const k = documentKind.safeParse(raw);
  if (!k.success) throw new NotFoundError("Jenis dokumen");
  return k.data;
}

/** Upload a claim document: PDF, JPEG or PNG ≤ 10 MB, its type sniffed from its bytes, streamed into the file store. */
export const POST = authorizedRoute<{ id: string; kind: string }>(
  "claims.open",
  async (req, { viewer, params }) => {
    const id = routeId(params.id, "Klaim");
    const kind = kindOf(params.kind);
    if (Number(req.headers.get("content-length") ?? 0) > MAX_PDF_BYTES)
      throw new HttpError(413, "Berkas lebih dari 10 MB. Perkecil berkasnya lalu unggah lagi.");
    // Scope first: nothing of another area's claim reaches the store.
    await getClaimForViewer(viewer, id);
    const stored = await receiveUpload(req.body, {
      createdBy: viewer.id,
      kind: "claim_document",
      accept: ["pdf", "jpeg", "png"],
      refused: "Berkas bukan PDF, JPEG atau PNG. Unggah pindaian atau foto dokumennya.",
    });
    try {
      const name = uploadName(req.headers, `${kind}.pdf`);
      const previous = await setClaimDocument(viewer, id, kind, { fileId: stored.id, name });
      await removeStoredFile(previous);
      return jsonMessage(200, `Dokumen ${name} tersimpan.`);
    } catch (e) {
      await removeStoredFile(stored.id);
      throw e;
    }
  },
  { accepts: ["application/pdf", "image/jpeg", "image/png", "application/octet-stream", ""] },
);

/** The document, to those who may see the claim; every view is on the worker's audit trail. */
export const GET = authorizedRoute<{ id: string; kind: string }>("claims.view", async (req, { viewer, params }) => {
  const id = routeId(params.id, "Klaim");
  const doc = await getClaimDocumentForViewer(viewer, id, kindOf(params.kind));
  const res = await pdfResponse(doc.file, doc.name, req.headers.get("range"));
  if (!res) throw new NotFoundError("Dokumen klaim");
  return res;
});
