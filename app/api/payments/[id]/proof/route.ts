import { authorizedRoute, jsonMessage, routeId } from "@/lib/auth/route";
import { NotFoundError } from "@/lib/data/errors";
import { getPaymentForViewer, getPaymentProofForViewer, setPaymentProof } from "@/lib/data/payments";
import { HttpError } from "@/lib/http-error";
import { MAX_PDF_BYTES, pdfResponse, receivePdf, removeStoredFile, uploadName } from "@/lib/storage";

/** Upload the SP2D proof (PDF ≤ 10 MB, streamed into the file store, %PDF- checked). */
export const POST = authorizedRoute<{ id: string }>(
  "payments.record",
  async (req, { viewer, params }) => {
    const id = routeId(params.id, "Pembayaran");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_PDF_BYTES) throw new HttpError(413, "Berkas lebih dari 10 MB. Perkecil PDF-nya lalu unggah lagi.");
    // Scope first: nothing of another area's upload reaches the store.
    await getPaymentForViewer(viewer, id);
    const stored = await receivePdf(req.body, viewer.id, { kind: "payment_proof", label: "bukti SP2D" });
    try {
      const name = uploadName(req.headers, "sp2d.pdf");
      const previous = await setPaymentProof(viewer, id, { fileId: stored.id, name });
      await removeStoredFile(previous);
      return jsonMessage(200, `Bukti SP2D ${name} tersimpan.`);
    } catch (e) {
      await removeStoredFile(stored.id);
      throw e;
    }
  },
  { accepts: ["application/pdf", "application/octet-stream", ""] },
);

export const GET = authorizedRoute<{ id: string }>("billing.view", async (req, { viewer, params }) => {
  const id = routeId(params.id, "Bukti SP2D");
  const doc = await getPaymentProofForViewer(viewer, id);
  const res = await pdfResponse(doc.file, doc.name, req.headers.get("range"));
  if (!res) throw new NotFoundError("Bukti SP2D");
  return res;
});
