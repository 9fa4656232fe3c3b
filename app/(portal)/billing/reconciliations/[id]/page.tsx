import type { Metadata } from "next";
import Link from "next/link";
import { CATEGORY_ACTIONS, CATEGORY_LABELS } from "@/components/billing/labels";
import { DocumentUpload } from "@/components/regulations/document-upload";
import { buttonClass } from "@/components/ui/button-class";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { getReconciliationForViewer, RECONCILIATION_CATEGORIES, type ReconciliationCategory } from "@/lib/data/reconciliations";
import { monthLabel } from "@/lib/domain/wib";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Rekonsiliasi data peserta" };

export default async function ReconciliationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ kategori?: string }> }) {
  const viewer = await requireViewer("billing.view");
  const id = idParam((await params).id);
  const wanted = (await searchParams).kategori as ReconciliationCategory | undefined;
  const first = await orNotFound(getReconciliationForViewer(viewer, id));
  const category =
    wanted && RECONCILIATION_CATEGORIES.includes(wanted) && wanted !== "cocok"
      ? wanted
      : (RECONCILIATION_CATEGORIES.find((c) => c !== "cocok" && (first.counts[c] ?? 0) > 0) ?? null);
  const rec = category ? await getReconciliationForViewer(viewer, id, category) : first;
  return (
    <>
      <PageHeader
        title={`Rekonsiliasi ${monthLabel(rec.month)}`}
        description={`${rec.regulationTitle} · ${rec.regencyName} · ${rec.officeName} · berkas ${rec.fileName} (${formatNumber(rec.rows)} baris) · ${rec.status === "terkunci" ? "terkunci" : "terbuka"}`}
      />
      <div className="space-y-6">
        <Card title="Hasil perbandingan">
          <Table caption="Jumlah per kategori" head={["Kategori", "Baris", "Tindakan", "Unduh"]}>
            {RECONCILIATION_CATEGORIES.map((c) => (
              <tr key={c} data-testid={`category-${c}`}>
                <Td>
                  {c === "cocok" || !(rec.counts[c] ?? 0) ? (
                    CATEGORY_LABELS[c]
                  ) : (
                    <Link className="text-brand-700 underline" href={`/billing/reconciliations/${rec.id}?kategori=${c}`}>
                      {CATEGORY_LABELS[c]}
                    </Link>
                  )}
                </Td>
                <Td className="tabular-nums">{formatNumber(rec.counts[c] ?? 0)}</Td>
                <Td className="text-xs text-slate-600">{CATEGORY_ACTIONS[c] ?? "—"}</Td>
                <Td>
                  {c !== "cocok" && (rec.counts[c] ?? 0) > 0 ? (
                    <a className="text-brand-700 underline" href={`/api/reconciliations/${rec.id}/export?kategori=${c}`}>
                      CSV
                    </a>
                  ) : (
                    "—"
                  )}
                </Td>
              </tr>
            ))}
          </Table>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link href={`/billing/reconciliations/${rec.id}/print`} className={buttonClass("secondary")}>
              Cetak berita acara
            </Link>
            {rec.signedName ? (
              <a href={`/api/reconciliations/${rec.id}/signed`} className={buttonClass("secondary")}>
                Berita acara bertanda tangan ({rec.signedName})
              </a>
            ) : null}
          </div>
          {can(viewer.role, "reconciliation.upload") && rec.status !== "terkunci" ? (
            <div className="mt-4 max-w-md">
              <DocumentUpload
                url={`/api/reconciliations/${rec.id}/signed`}
                label="Berita acara bertanda tangan (PDF, maks. 10 MB): mengunci rekonsiliasi bulan ini"
              />
            </div>
          ) : null}
        </Card>
        {category ? (
          <Card title={`${CATEGORY_LABELS[category]} (${formatNumber(rec.counts[category] ?? 0)})`}>
            <p className="mb-3 text-sm text-slate-600">{CATEGORY_ACTIONS[category]}</p>
            <Table
              caption={CATEGORY_LABELS[category] ?? category}
              head={["Baris", "KPJ (BPJS)", "NIK", "Nama", "Status BPJS", "Iuran terakhir BPJS / portal", "KPJ portal", "Tindakan"]}
            >
              {rec.list.map((r) => (
                <tr key={r.n}>
                  <Td>{r.rowNo ?? "—"}</Td>
                  <Td>{r.kpj ?? "—"}</Td>
                  <Td className="font-mono">{r.nik ?? "—"}</Td>
                  <Td>{r.name ?? "—"}</Td>
                  <Td>{r.bpjsStatus ?? "—"}</Td>
                  <Td>
                    {r.bpjsLastPaid ? monthLabel(r.bpjsLastPaid) : "—"} / {r.portalLastPaid ? monthLabel(r.portalLastPaid) : "—"}
                  </Td>
                  <Td>{r.portalKpj ?? "—"}</Td>
                  <Td>
                    {r.workerId ? (
                      <Link
                        className="text-brand-700 underline"
                        href={`/workers/${r.workerId}${category === "status_berbeda" && r.bpjsStatus === "meninggal" ? "#catat-kematian" : ""}`}
                      >
                        {category === "status_berbeda" && r.bpjsStatus === "meninggal" ? "Catat kematian" : "Buka pekerja"}
                      </Link>
                    ) : (
                      (r.problem ?? "—")
                    )}
                  </Td>
                </tr>
              ))}
            </Table>
            {(rec.counts[category] ?? 0) > rec.list.length ? (
              <p className="mt-2 text-sm text-slate-600">{formatNumber(rec.list.length)} baris pertama ditampilkan; unduh CSV untuk semuanya.</p>
            ) : null}
          </Card>
        ) : null}
      </div>
    </>
  );
}
