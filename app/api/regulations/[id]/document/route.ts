import fs from "node:fs";
import { Readable } from "node:stream";
import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/data/errors";
import { getRegulationDocumentForViewer, setAmendmentDocument, setRegulationDocument } from "@/lib/data/regulations";
import { MAX_PDF_BYTES, receivePdf, removeStoredFile, storedFilePath, UploadError } from "@/lib/storage";

const json = (message: string, status: number) => NextResponse.json({ message }, { status });

function parseId(raw: string | null) {
  const id = Number(raw);
  return raw && Number.isInteger(id) && id > 0 ? id : null;
}

// ?amendment=<id> addresses an amendment's own document.
function amendmentOf(req: NextRequest): number | null | undefined {
  const raw = req.nextUrl.searchParams.get("amendment");
  return raw === null ? undefined : parseId(raw);
}

/** Upload the signed PDF: streamed to disk (server actions take 1 MB bodies), ≤ 10 MB, %PDF- checked. */
export async function POST(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return json("Sesi Anda telah berakhir. Silakan masuk kembali.", 401);
  if (viewer.mustChangePassword || !can(viewer.role, "regulations.manage")) return json("Anda tidak berwenang mengunggah dokumen regulasi.", 403);
  const id = parseId((await params).id);
  if (!id) return json("Regulasi tidak ditemukan.", 404);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_PDF_BYTES) return json("Berkas lebih dari 10 MB. Perkecil PDF-nya lalu unggah lagi.", 413);
  let stored: string | undefined;
  try {
    stored = await receivePdf(req.body);
    const rawName = decodeURIComponent(req.headers.get("x-file-name") ?? "regulasi.pdf");
    const originalName = rawName.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 150) || "regulasi.pdf";
    const amendment = amendmentOf(req);
    if (amendment === null) throw new NotFoundError("Perubahan");
    const file = { storedName: stored, originalName };
    const previous = amendment ? await setAmendmentDocument(viewer, id, amendment, file) : await setRegulationDocument(viewer, id, file);
    removeStoredFile(previous);
    return json(`Dokumen ${originalName} tersimpan.`, 200);
  } catch (e) {
    if (stored) removeStoredFile(stored);
    if (e instanceof UploadError) return json(e.message, e.status);
    if (e instanceof NotFoundError) return json(e.message, 404);
    console.error("[upload] regulation document:", e instanceof Error ? e.message : e);
    return json("Dokumen gagal disimpan. Coba lagi.", 500);
  }
}

/** The document, only to viewers whose scope includes the regulation. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer || viewer.mustChangePassword) return json("Silakan masuk.", 401);
  const id = parseId((await params).id);
  if (!id || !can(viewer.role, "regulations.view")) return json("Dokumen tidak ditemukan.", 404);
  try {
    const amendment = amendmentOf(_req);
    if (amendment === null) return json("Dokumen tidak ditemukan.", 404);
    const doc = await getRegulationDocumentForViewer(viewer, id, amendment);
    const stream = Readable.toWeb(fs.createReadStream(storedFilePath(doc.file))) as ReadableStream;
    return new Response(stream, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return json("Dokumen tidak ditemukan.", 404);
    throw e;
  }
}
