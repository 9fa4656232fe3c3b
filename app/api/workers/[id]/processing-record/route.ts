import { stringify } from "csv-stringify/sync";
import { authorizedRoute, routeId } from "@/lib/auth/route";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { getProcessingRecordForViewer } from "@/lib/data/workers";
import { HEIR_RELATIONSHIPS } from "@/lib/domain/heirs";
import { neutralizeFormula } from "@/lib/domain/spreadsheet";
import { WORKER_STATUS_LABELS } from "@/lib/domain/worker-status";
import { formatDateTime } from "@/lib/format";

/** The person's processing record as CSV (UU PDP 27/2022: produced on request). */
export const GET = authorizedRoute<{ id: string }>("workers.export", async (_req, { viewer, params }) => {
  const id = routeId(params.id, "Pekerja");
  const record = await getProcessingRecordForViewer(viewer, id);
  const rows = [
    ...record.audit.map((a) => ({ at: a.at, what: a.action, who: a.actorName ?? "sistem", role: a.actorRole ? ROLE_LABELS[a.actorRole] : "" })),
    ...record.events.map((e) => ({
      at: e.at,
      what: `status: ${e.from ? `${WORKER_STATUS_LABELS[e.from]} → ` : ""}${WORKER_STATUS_LABELS[e.to]}${e.reason ? ` (${e.reason})` : ""}`,
      who: e.actorName ?? "sistem",
      role: e.actorRole ? ROLE_LABELS[e.actorRole] : "",
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const csv =
    "\uFEFF" +
    stringify([
      ["Waktu (WIB)", "Pemrosesan", "Oleh", "Peran"],
      ...rows.map((r) => [formatDateTime(r.at), r.what, r.who, r.role].map(neutralizeFormula)),
      [],
      ["Ahli waris yang disimpan", "Hubungan", "NIK (tersamar)", "Rekening (tersamar)"],
      ...record.heirs.map((h) =>
        [h.name, h.relationship ? HEIR_RELATIONSHIPS[h.relationship] : "", h.nikMasked ?? "", h.accountMasked ? `${h.bankName} ${h.accountMasked}` : ""].map(
          neutralizeFormula,
        ),
      ),
    ]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="catatan-pemrosesan-pekerja-${id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
