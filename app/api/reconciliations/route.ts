import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { authorizedRoute, jsonMessage } from "@/lib/auth/route";
import { UserFacingError } from "@/lib/data/errors";
import { reconcileForViewer } from "@/lib/data/reconciliations";
import { formatNumber } from "@/lib/format";
import { readBpjsList } from "@/lib/imports/bpjs-list";
import { MAX_UPLOAD_BYTES, receiveWorkerList } from "@/lib/imports/file";
import { HttpError } from "@/lib/http-error";
import { fileStore, uploadName } from "@/lib/storage";

/**
 * BPJS's participant list (CSV or XLSX, ≤ 200.000 rows) for ?regulationId=&month=YYYY-MM: checked
 * as a bulk import file is (size, real type, encoding, zip bomb), kept in the file store, read by
 * the same reader, and compared in one transaction.
 */
export const POST = authorizedRoute(
  "reconciliation.upload",
  async (req, { viewer }) => {
    const regulationId = Number(req.nextUrl.searchParams.get("regulationId"));
    const month = req.nextUrl.searchParams.get("month") ?? "";
    if (!Number.isInteger(regulationId) || regulationId <= 0) throw new HttpError(400, "Pilih regulasi.");
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new HttpError(400, "Pilih bulan rekonsiliasi.");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) throw new HttpError(413, "Berkas lebih dari 50 MB.");
    const fileName = uploadName(req.headers, "daftar-bpjs.csv");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-recon-"));
    const tmp = path.join(dir, `${crypto.randomUUID()}.part`);
    try {
      const file = await receiveWorkerList(req.body, tmp);
      const contentType = file.kind === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
      const stored = await fileStore().put({ kind: "reconciliation_list", contentType, createdBy: viewer.id }, fs.createReadStream(tmp));
      try {
        const r = await reconcileForViewer(viewer, { regulationId, month, fileId: stored.id, fileName, list: readBpjsList(tmp, file.kind) });
        return Response.json({
          id: r.id,
          message: `${formatNumber(r.rows)} baris dibandingkan: ${formatNumber(r.counts.cocok ?? 0)} cocok, ${formatNumber(r.rows - (r.counts.cocok ?? 0))} perlu diperiksa.`,
        });
      } catch (e) {
        await fileStore().remove(stored.id);
        throw e;
      }
    } catch (e) {
      if (e instanceof UserFacingError) return jsonMessage(422, e.message);
      throw e;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  {
    accepts: [
      "text/csv",
      "text/plain",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/octet-stream",
      "",
    ],
  },
);
