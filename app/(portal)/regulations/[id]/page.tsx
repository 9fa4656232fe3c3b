import type { Metadata } from "next";
import Link from "next/link";
import { AmendmentEnactForm, AmendmentForm, BudgetForm, EndForm, EnactForm, MoveWorkersForm } from "@/components/regulations/regulation-actions";
import { DocumentUpload } from "@/components/regulations/document-upload";
import { ageLabel, ISSUER_LABELS, TYPE_LABELS } from "@/components/regulations/labels";
import { StatusBadge } from "@/components/regulations/status-badge";
import { RefundsCard } from "@/components/billing/refunds";
import { buttonClass } from "@/components/ui/button-class";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { OneClickForm } from "@/components/ui/one-click-form";
import { Table, Td } from "@/components/ui/table";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { getRegulationActualsForViewer } from "@/lib/data/contributions";
import { listRefundsForViewer } from "@/lib/data/payments";
import { getRegulationFiguresForViewer, listRegulationHistoryForViewer, listRegulationsForViewer } from "@/lib/data/regulations";
import { computeRegulationFigures } from "@/lib/domain/regulation-figures";
import { forecastText, STATUS_LABELS } from "@/lib/domain/regulations";
import { dayLabel } from "@/lib/domain/wib";
import { formatDateTime, formatNumber, formatRupiah } from "@/lib/format";
import {
  budgetAction,
  createAmendmentAction,
  endAction,
  enactAction,
  enactAmendmentAction,
  moveWorkersAction,
  returnToDraftAction,
  submitForReviewAction,
} from "../actions";
import { receiveRefundAction } from "../../billing/actions";

export const metadata: Metadata = { title: "Regulasi" };

const ACTION_LABELS: Record<string, string> = {
  "regulation.create": "Dibuat",
  "regulation.update": "Diubah",
  "regulation.review": "Diajukan untuk harmonisasi",
  "regulation.draft": "Dikembalikan menjadi draf",
  "regulation.enacted": "Ditetapkan",
  "regulation.ended": "Berakhir",
  "regulation.budget": "Anggaran diubah",
  "regulation.document": "Dokumen diunggah",
  "regulation.amended": "Diubah oleh perubahan",
  "amendment.create": "Draf perubahan dibuat",
  "amendment.enact": "Perubahan ditetapkan",
};

function changeText(details: Record<string, unknown>): string {
  const changes = (details.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
  const parts = Object.entries(changes).map(([k, c]) => `${k}: ${String(c.from ?? "—")} → ${String(c.to ?? "—")}`);
  if (details.number) parts.unshift(`nomor ${String(details.number)}`);
  return parts.join("; ");
}

export default async function RegulationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("regulations.view");
  const id = idParam((await params).id);
  const inputs = await orNotFound(getRegulationFiguresForViewer(viewer, id));
  const { reg, today, year } = inputs;
  const fig = computeRegulationFigures(inputs);
  const manage = can(viewer.role, "regulations.manage");
  const [history, siblings, actuals] = await Promise.all([
    listRegulationHistoryForViewer(viewer, id),
    manage && reg.status === "enacted" ? listRegulationsForViewer(viewer) : Promise.resolve([]),
    getRegulationActualsForViewer(viewer, id, year),
  ]);
  const refunds = can(viewer.role, "billing.view") ? await listRefundsForViewer(viewer, { regulationId: id }) : [];
  // Where bills or payments exist, the money figures are actuals, not the registry's projection.
  const hasActuals = actuals.billed > 0 || actuals.paid > 0 || refunds.length > 0;
  const successors = siblings.filter((s) => s.id !== reg.id && s.regencyCode === reg.regencyCode && s.status === "enacted");

  return (
    <>
      <PageHeader
        title={`${TYPE_LABELS[reg.type]} · ${reg.title}`}
        description={
          <>
            {reg.regencyName} · <StatusBadge status={reg.status} /> {reg.number ? `· ${reg.number}` : null}
          </>
        }
      />
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-5" aria-label="Kuota">
          <Stat label="Kuota" value={formatNumber(fig.quota.quota)} />
          <Stat label="Terhitung" value={formatNumber(fig.quota.counted)} />
          <Stat label="Aktif" value={formatNumber(fig.quota.active)} />
          <Stat label="Daftar tunggu wilayah" value={formatNumber(fig.quota.waiting)} />
          <Stat label="Sisa kuota" value={formatNumber(fig.quota.remaining)} />
        </dl>
        <Card title="Progres kuota">
          <div
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={fig.quota.percent}
            aria-label="Persentase kuota terisi"
          >
            <div className="h-full bg-brand-600" style={{ width: `${Math.min(100, fig.quota.percent)}%` }} />
          </div>
          <p className="mt-2 text-sm">
            {formatNumber(fig.quota.percent)}% terisi · laju {formatNumber(fig.perWeek)} tempat per minggu (rata-rata 4 minggu terakhir).
          </p>
          <p className="mt-1 text-sm font-medium" data-testid="forecast">
            {forecastText(fig.forecast)}
          </p>
        </Card>

        {hasActuals ? (
          <Card title={`Realisasi iuran tahun ${year}`}>
            <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3" data-testid="actuals">
              {(
                [
                  ["Alokasi", actuals.allocated == null ? "—" : formatRupiah(actuals.allocated)],
                  ["Ditagih (tagihan terbit)", formatRupiah(actuals.billed)],
                  ["Dibayar (dikonfirmasi BPJS)", formatRupiah(actuals.paid)],
                  ["Tagihan terbit belum dibayar", formatRupiah(actuals.outstanding)],
                  ["Kredit (SP2D belum dialokasikan)", formatRupiah(actuals.credit)],
                  ...(actuals.refunded
                    ? ([["Dikembalikan ke Kas Daerah (kredit saat regulasi berakhir)", formatRupiah(actuals.refunded)]] as [string, string][])
                    : []),
                  [
                    `Proyeksi sampai Desember (dibayar + terutang + ${actuals.remainingMonths} bulan × ${formatNumber(actuals.holders)} pemegang)`,
                    formatRupiah(actuals.projection),
                  ],
                ] as [string, string][]
              ).map(([k, v]) => (
                <div key={k}>
                  <dt className="text-slate-600">{k}</dt>
                  <dd className="text-lg font-semibold">{v}</dd>
                </div>
              ))}
            </dl>
            {actuals.allocated != null && actuals.projection > actuals.allocated ? (
              <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                Proyeksi realisasi melebihi alokasi tahun {year}.
              </p>
            ) : null}
            <p className="mt-3 text-sm">
              <Link className="text-brand-700 underline" href="/billing">
                Lihat tagihan dan pembayaran
              </Link>
            </p>
          </Card>
        ) : null}
        {refunds.length ? <RefundsCard refunds={refunds} receive={can(viewer.role, "payments.record") ? receiveRefundAction : null} today={today} /> : null}

        <Card title={`Anggaran tahun ${year}`}>
          {fig.budget ? (
            <>
              <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-slate-600">Alokasi</dt>
                  <dd className="text-lg font-semibold" data-testid="budget-allocated">
                    {formatRupiah(fig.budget.allocated)}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Terpakai (iuran bulan berjalan)</dt>
                  <dd className="text-lg font-semibold">{formatRupiah(fig.budget.committed)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">Sisa alokasi</dt>
                  <dd className="text-lg font-semibold">{formatRupiah(fig.budget.remaining)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">{hasActuals ? "Proyeksi sampai Desember (dari realisasi)" : "Proyeksi belanja sampai Desember"}</dt>
                  <dd className="text-lg font-semibold">{formatRupiah(hasActuals ? actuals.projection : fig.budget.projected)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">Tambahan pekerja yang masih tertanggung sampai akhir tahun</dt>
                  <dd className="text-lg font-semibold">{formatNumber(fig.budget.extraWorkers)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">Tarif bulan ini (JKK + JKM)</dt>
                  <dd className="text-lg font-semibold">{formatRupiah(fig.rate)}</dd>
                </div>
              </dl>
              {fig.budget.overrun ? (
                <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                  Proyeksi belanja melebihi alokasi tahun {year}. Ajukan perubahan anggaran atau batasi pendaftaran baru.
                </p>
              ) : null}
            </>
          ) : (
            <p className="text-sm text-slate-600">Belum ada anggaran untuk tahun {year}.</p>
          )}
          {reg.budgets.length ? (
            <div className="mt-4">
              <Table caption="Anggaran per tahun" head={["Tahun", "Alokasi", "Bulan", "Asumsi per pekerja per bulan"]}>
                {reg.budgets.map((b) => (
                  <tr key={b.id}>
                    <Td>{b.fiscalYear}</Td>
                    <Td>{formatRupiah(b.allocated)}</Td>
                    <Td>{b.monthsCovered}</Td>
                    <Td>{b.assumedMonthlyRate ? formatRupiah(b.assumedMonthlyRate) : "—"}</Td>
                  </tr>
                ))}
              </Table>
            </div>
          ) : null}
          {manage && (reg.status === "draft" || reg.status === "review") ? (
            <div className="mt-4 border-t pt-4">
              <BudgetForm action={budgetAction} regulationId={reg.id} year={year} />
            </div>
          ) : null}
        </Card>

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card title="Rincian">
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="inline text-slate-600">Penerbit / penyandang dana: </dt>
                <dd className="inline">{ISSUER_LABELS[reg.issuer]}</dd>
              </div>
              <div>
                <dt className="inline text-slate-600">Masa berlaku: </dt>
                <dd className="inline">
                  {dayLabel(reg.startsOn)} – {reg.endsOn ? dayLabel(reg.endsOn) : "tanpa batas"}{" "}
                  {fig.inForce ? "(berlaku hari ini)" : "(tidak berlaku hari ini)"}
                </dd>
              </div>
              {reg.enactedOn ? (
                <div>
                  <dt className="inline text-slate-600">Ditetapkan: </dt>
                  <dd className="inline">{dayLabel(reg.enactedOn)}</dd>
                </div>
              ) : null}
              <div>
                <dt className="inline text-slate-600">Syarat usia: </dt>
                <dd className="inline">
                  {ageLabel(reg.minAgeMonths)} sampai {ageLabel(reg.maxAgeMonths)}
                </dd>
              </div>
              {reg.villages.length ? (
                <div>
                  <dt className="inline text-slate-600">Desa yang dicakup: </dt>
                  <dd className="inline">{reg.villages.map((v) => v.name).join(", ")}</dd>
                </div>
              ) : null}
              {reg.endedOn ? (
                <div>
                  <dt className="inline text-slate-600">Berakhir: </dt>
                  <dd className="inline">
                    {dayLabel(reg.endedOn)} ({reg.endReason === "revoked" ? "dicabut" : "masa berlaku habis"})
                    {reg.successor ? `, pekerja dipindah ke ${reg.successor.title}` : ""}
                  </dd>
                </div>
              ) : null}
              {reg.notes ? (
                <div>
                  <dt className="sr-only">Catatan</dt>
                  <dd className="whitespace-pre-line text-slate-700">{reg.notes}</dd>
                </div>
              ) : null}
            </dl>
            {manage && (reg.status === "draft" || reg.status === "review") ? (
              <Link href={`/regulations/${reg.id}/edit`} className={`${buttonClass("secondary")} mt-4`}>
                Ubah
              </Link>
            ) : null}
          </Card>
          <Card title="Dokumen">
            {reg.documentFile ? (
              <a className="text-brand-700 underline" href={`/api/regulations/${reg.id}/document`} target="_blank" rel="noopener">
                {reg.documentName ?? "Dokumen regulasi"} (PDF)
              </a>
            ) : (
              <p className="text-sm text-slate-600">Belum ada dokumen.</p>
            )}
            {manage && reg.status !== "ended" ? (
              <div className="mt-4">
                <DocumentUpload regulationId={reg.id} />
              </div>
            ) : null}
          </Card>
        </div>

        {manage && reg.status !== "ended" ? (
          <Card title="Tahapan">
            <p className="mb-3 text-sm text-slate-600">Status saat ini: {STATUS_LABELS[reg.status]}.</p>
            {reg.status === "draft" ? (
              <OneClickForm action={submitForReviewAction} fields={{ regulationId: reg.id }} label="Ajukan harmonisasi" variant="primary" />
            ) : null}
            {reg.status === "review" ? (
              <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
                <EnactForm action={enactAction} regulationId={reg.id} today={today} />
                <OneClickForm action={returnToDraftAction} fields={{ regulationId: reg.id }} label="Kembalikan ke draf" />
              </div>
            ) : null}
            {reg.status === "enacted" && reg.counted > 0 && successors.some((s) => s.quota > s.counted) ? (
              <div className="mb-6 border-b pb-6">
                <h3 className="mb-2 font-medium">Pindahkan pekerja ke regulasi lain</h3>
                <MoveWorkersForm
                  action={moveWorkersAction}
                  fromId={reg.id}
                  targets={successors.filter((s) => s.quota > s.counted).map((s) => ({ id: s.id, title: s.title, free: s.quota - s.counted }))}
                />
              </div>
            ) : null}
            {reg.status === "enacted" ? (
              <EndForm action={endAction} regulationId={reg.id} today={today} successors={successors.map((s) => ({ id: s.id, title: s.title }))} />
            ) : null}
          </Card>
        ) : null}

        {reg.status === "enacted" || reg.amendments.length ? (
          <Card title="Perubahan (amandemen)">
            {reg.amendments.length === 0 ? <p className="text-sm text-slate-600">Belum ada perubahan.</p> : null}
            <ul className="space-y-4">
              {reg.amendments.map((a) => (
                <li key={a.id} className="rounded-md border p-3 text-sm">
                  <div className="font-medium">
                    {a.title} <StatusBadge status={a.status} /> {a.number ? `· ${a.number}` : null}
                  </div>
                  <div className="text-slate-600">
                    {[
                      a.newQuota != null ? `kuota → ${formatNumber(a.newQuota)}` : null,
                      a.newEndsOn ? `berakhir → ${dayLabel(a.newEndsOn)}` : null,
                      a.budgetAllocated != null ? `anggaran ${a.budgetFiscalYear} → ${formatRupiah(a.budgetAllocated)}` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </div>
                  <div className="mt-2">
                    {a.documentFile ? (
                      <a className="text-brand-700 underline" href={`/api/regulations/${reg.id}/document?amendment=${a.id}`} target="_blank" rel="noopener">
                        {a.documentName ?? "Dokumen perubahan"} (PDF)
                      </a>
                    ) : manage && reg.status !== "ended" ? (
                      <DocumentUpload regulationId={reg.id} amendmentId={a.id} label="Dokumen perubahan (PDF, maks. 10 MB)" />
                    ) : null}
                  </div>
                  {manage && a.status !== "enacted" && reg.status === "enacted" ? (
                    <div className="mt-3">
                      <AmendmentEnactForm action={enactAmendmentAction} amendmentId={a.id} today={today} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
            {manage && reg.status === "enacted" ? (
              <div className="mt-4 border-t pt-4">
                <AmendmentForm action={createAmendmentAction} regulationId={reg.id} />
              </div>
            ) : null}
          </Card>
        ) : null}

        <Card title="Riwayat">
          {history.length === 0 ? <p className="text-sm text-slate-600">Belum ada riwayat.</p> : null}
          <ol className="space-y-2 text-sm" data-testid="history">
            {history.map((h, i) => (
              <li key={i}>
                <span className="text-slate-600">{formatDateTime(h.at)}</span> · {h.actorName ?? "sistem"} · {ACTION_LABELS[h.action] ?? h.action}
                {changeText(h.details) ? <span className="text-slate-600"> — {changeText(h.details)}</span> : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
