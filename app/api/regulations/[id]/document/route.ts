import { Readable } from "node:stream";
import { authorizedRoute, jsonMessage, routeId } from "@/lib/auth/route";
import { NotFoundError } from "@/lib/data/errors";
import { getRegulationDocumentForViewer, getRegulationForViewer, setAmendmentDocument, setRegulationDocument } from "@/lib/data/regulations";
import { HttpError } from "@/lib/http-error";
import { fileStore, MAX_PDF_BYTES, receivePdf, removeStoredFile } from "@/lib/storage";

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
    const stored = await receivePdf(req.body, viewer.id);
    try {
      const rawName = decodeURIComponent(req.headers.get("x-file-name") ?? "regulasi.pdf");
      const originalName = rawName.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 150) || "regulasi.pdf";
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
  const stat = await fileStore().stat(doc.file);
  if (!stat) throw new NotFoundError("Dokumen");
  const headers: Record<string, string> = {
    "Content-Type": "application/pdf",
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Accept-Ranges": "bytes",
  };
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.get("range") ?? "");
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : stat.size - 1, stat.size - 1);
    if (start > end) return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${stat.size}` } });
    const body = Readable.toWeb(fileStore().read(doc.file, { start, end })) as ReadableStream;
    return new Response(body, {
      status: 206,
      headers: { ...headers, "Content-Range": `bytes ${start}-${end}/${stat.size}`, "Content-Length": String(end - start + 1) },
    });
  }
  return new Response(Readable.toWeb(fileStore().read(doc.file)) as ReadableStream, { headers: { ...headers, "Content-Length": String(stat.size) } });
});
