import type { Metadata } from "next";
import Link from "next/link";
import { FieldForm } from "@/components/billing/forms";
import { buttonClass } from "@/components/ui/button-class";
import { Card, PageHeader } from "@/components/ui/card";
import { OneClickForm } from "@/components/ui/one-click-form";
import { WorkerStatusBadge } from "@/components/workers/status-badge";
import { DocumentUpload } from "@/components/regulations/document-upload";
import { ActivateForm, EndWorkerForm, RecordDeathForm, RejectForm, RevealNik } from "@/components/workers/worker-actions";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { today as todayOf } from "@/lib/clock";
import { listClaimsForViewer } from "@/lib/data/claims";
import { getWorkerContributionsForViewer } from "@/lib/data/contributions";
import { getDeathForViewer, getWorkerForViewer } from "@/lib/data/workers";
import { CLAIM_STATUS_LABELS, CLAIM_TYPE_LABELS } from "@/lib/domain/claims";
import { stateLabel } from "@/lib/domain/contribution-state";
import { END_REASONS, IDENTITY_FIELD_LABELS, WORKER_STATUS_LABELS, type EndReason } from "@/lib/domain/worker-status";
import { dayLabel, monthLabel, wibDay } from "@/lib/domain/wib";
import { formatDateTime, formatRupiah } from "@/lib/format";
import { entitledHeirs } from "@/lib/domain/heirs";
import { AddHeirForm, HeirList } from "@/components/workers/heirs";
import {
  activateWorkerAction,
  addHeirAction,
  removeHeirAction,
  updateHeirAction,
  endWorkerAction,
  recordDeathAction,
  rejectWorkersAction,
  revealNikAction,
  submitWorkerAction,
  verifyWorkersAction,
} from "../actions";
import { reactivateAction } from "../../billing/actions";

export const metadata: Metadata = { title: "Pekerja" };

export default async function WorkerPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("workers.view");
  const id = idParam((await params).id);
  const w = await orNotFound(getWorkerForViewer(viewer, id));
  const role = viewer.role;
  const today = await todayOf();
  const [iuran, death, claims] = await Promise.all([
    getWorkerContributionsForViewer(viewer, id),
    getDeathForViewer(viewer, id),
    can(viewer.role, "claims.view") ? listClaimsForViewer(viewer, { workerId: id }) : Promise.resolve([]),
  ]);
  const entitled = new Set(entitledHeirs(w.heirs).map((h) => h.id));
  const heirRows = w.heirs.map((h) => ({
    ...h,
    birthLabel: h.birthDate ? dayLabel(h.birthDate) : h.ageYears != null ? `umur ${h.ageYears} tahun` : null,
    entitled: entitled.has(h.id),
  }));
  const manageHeirs = can(role, "heirs.manage");
  const rows: [string, React.ReactNode][] = [
    w.birthDate ? ["Tanggal lahir", dayLabel(w.birthDate)] : ["Umur", `${w.ageYears} tahun`],
    ["Jenis kelamin", w.sex === "P" ? "Perempuan" : "Laki-laki"],
    ["Alamat", `${w.address || "—"}${w.villageName ? `, ${w.villageName}` : ""}${w.districtName ? `, Kec. ${w.districtName}` : ""}, ${w.regencyName}`],
    ["Pekerjaan", w.occupation ?? "—"],
    ["Penghasilan per bulan", formatRupiah(w.income)],
    ["Nomor HP", w.phone || "—"],
    ["Regulasi (kuota)", w.regulationTitle ?? "—"],
    ["KPJ", w.kpjNumber ? `${w.kpjNumber}, mulai ${w.coverageStart ? dayLabel(w.coverageStart) : "—"}` : "—"],
  ];
  if (w.rejectionReason && w.status === "ditolak") rows.push(["Alasan penolakan", w.rejectionReason]);
  if (w.endReason)
    rows.push(["Alasan berakhir", `${END_REASONS[w.endReason as EndReason] ?? w.endReason}${w.endedOn ? `, berlaku ${dayLabel(w.endedOn)}` : ""}`]);
  if (w.flaggedReason) rows.push(["Catatan", w.flaggedReason]);
  if (w.openCorrection)
    rows.push([
      "Permintaan koreksi",
      `Menunggu keputusan kantor cabang sejak ${formatDateTime(w.openCorrection.requestedAt)}: ${w.openCorrection.fields.map((f) => IDENTITY_FIELD_LABELS[f as keyof typeof IDENTITY_FIELD_LABELS]).join(", ")}`,
    ]);
  return (
    <>
      <PageHeader
        title={w.name}
        description={
          <>
            <WorkerStatusBadge status={w.status} /> · {w.regencyName}
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Data pekerja">
          <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-600">NIK</dt>
            <dd>
              {can(role, "workers.revealNik") ? (
                <RevealNik action={revealNikAction} workerId={w.id} masked={w.nikMasked} />
              ) : (
                <span className="font-mono">{w.nikMasked}</span>
              )}
            </dd>
            {rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title="Ahli waris">
          <p className="mb-3 text-sm text-slate-600">
            Urutan menurut Permenaker 4/2023 Pasal 57: istri/suami atau anak; bila tidak ada, orang tua, cucu, kakek/nenek; lalu saudara kandung; mertua; pihak
            yang ditunjuk peserta.
          </p>
          <HeirList heirs={heirRows} update={manageHeirs ? updateHeirAction : undefined} remove={manageHeirs ? removeHeirAction : undefined} />
          {manageHeirs ? (
            <details className="mt-4" open={!heirRows.length}>
              <summary className="cursor-pointer text-sm font-medium text-blue-700">Tambah ahli waris</summary>
              <div className="mt-3">
                <AddHeirForm action={addHeirAction} workerId={w.id} />
              </div>
            </details>
          ) : null}
        </Card>
        {iuran.months.length ? (
          <Card title="Iuran">
            <p className="mb-3 text-sm" data-testid="contribution-state">
              {iuran.state ? (
                <>
                  Status iuran hari ini: <strong>{stateLabel(iuran.state)}</strong> ·{" "}
                </>
              ) : null}
              Masa iur: <strong>{iuran.masaIur} bulan</strong> (bulan yang dibayar, termasuk kepesertaan sebelumnya)
            </p>
            {/* Scrolls on its own: focusable, so a keyboard can scroll it too. */}
            <div className="max-h-96 overflow-y-auto" tabIndex={0} role="region" aria-label="Rincian iuran per bulan">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">Iuran per bulan</caption>
                <thead className="bg-slate-50">
                  <tr>
                    {["Bulan", "Ditagih", "Dibayar"].map((h) => (
                      <th key={h} scope="col" className="px-3 py-2 text-left font-medium text-slate-600">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100" data-testid="contribution-months">
                  {iuran.months.map((m) => (
                    <tr key={m.month}>
                      <td className="px-3 py-1.5">{monthLabel(m.month)}</td>
                      <td className="px-3 py-1.5">
                        {m.billed ? (
                          <Link className="text-brand-700 underline" href={`/billing/${m.billed.billId}`}>
                            {formatRupiah(m.billed.amount)}
                            {m.billed.kind === "susulan" ? " (susulan)" : ""}
                          </Link>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className="px-3 py-1.5">{m.paid ? `Lunas, dikonfirmasi ${dayLabel(m.paid.confirmedOn)}` : m.billed ? "Belum" : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {iuran.reactivations.length ? (
              <p className="mt-2 text-sm text-slate-600">
                Reaktivasi: {iuran.reactivations.map((r) => `${dayLabel(r.on)} oleh ${r.office} (${r.reason})`).join("; ")}
              </p>
            ) : null}
            {iuran.state?.kind === "nonaktif" && iuran.state.lapsed ? (
              <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="reactivation">
                <p className="mb-2">
                  Tunggakan melewati batas pemulihan regulasi: membayar tunggakan tidak lagi memulihkan kepesertaan. Kantor cabang dapat mengaktifkan kembali
                  (seperti pendaftaran baru): bulan-bulan sebelumnya tidak lagi ditagih, masa iur yang sudah dibayar tetap dihitung.
                </p>
                {can(role, "contributions.reactivate") ? (
                  <FieldForm action={reactivateAction} hidden={{ workerId: w.id }} field="reason" label="Alasan reaktivasi" button="Aktifkan kembali" />
                ) : null}
              </div>
            ) : null}
            {iuran.corrections.length ? (
              <p className="mt-2 text-sm text-slate-600">
                Koreksi (kredit): {iuran.corrections.map((c) => `${monthLabel(c.month)} ${formatRupiah(c.amount)}`).join(", ")}
              </p>
            ) : null}
          </Card>
        ) : null}
        {death ? (
          <Card title="Kematian">
            <p className="text-sm" data-testid="death">
              Meninggal <strong>{dayLabel(death.diedOn)}</strong>, dicatat {formatDateTime(death.recordedAt)}
              {death.recordedBy ? ` oleh ${death.recordedBy}` : ""}.{" "}
              {death.documentName ? (
                <a className="text-brand-700 underline" href={`/api/workers/${w.id}/death-document`}>
                  {death.documentName}
                </a>
              ) : (
                "Dokumen kematian belum diunggah."
              )}
            </p>
            {can(role, "deaths.record") ? (
              <div className="mt-3">
                <DocumentUpload url={`/api/workers/${w.id}/death-document`} label="Akta atau surat keterangan kematian (PDF, maks. 10 MB)" />
              </div>
            ) : null}
          </Card>
        ) : null}
        {claims.length || (can(role, "claims.open") && w.coverageStart) ? (
          <Card
            title="Klaim"
            actions={
              can(role, "claims.open") && w.coverageStart ? (
                <Link href={`/claims/new?pekerja=${w.id}`} className={buttonClass("secondary")}>
                  Buka kasus klaim
                </Link>
              ) : null
            }
          >
            {claims.length ? (
              <ul className="space-y-1 text-sm" data-testid="worker-claims">
                {claims.map((c) => (
                  <li key={c.id}>
                    <Link className="text-brand-700 underline" href={`/claims/${c.id}`}>
                      {CLAIM_TYPE_LABELS[c.type]}, kejadian {dayLabel(c.eventDate)}
                    </Link>{" "}
                    · {CLAIM_STATUS_LABELS[c.status]}
                    {c.paid ? ` · dibayar ${formatRupiah(c.paid)}` : ""}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">Belum ada kasus klaim.</p>
            )}
          </Card>
        ) : null}
        {/* Read-only roles (Kanwil, admin) have no actions here: no empty card. */}
        {(["workers.register", "workers.verify", "deaths.record", "workers.end"] as const).some((p) => can(role, p)) ? (
          <Card title="Tindakan">
            <div className="space-y-4">
              {can(role, "workers.register") && w.status !== "berakhir" ? (
                <Link href={`/workers/${w.id}/edit`} className={buttonClass("secondary")}>
                  Ubah data
                </Link>
              ) : null}
              {can(role, "workers.register") && w.status === "aktif" && w.kpjNumber ? (
                <Link href={`/workers/${w.id}/letter`} className={`${buttonClass("secondary")} ml-2`}>
                  Cetak surat keterangan kepesertaan
                </Link>
              ) : null}
              {can(role, "workers.register") && (w.status === "draft" || w.status === "ditolak") ? (
                <OneClickForm action={submitWorkerAction} fields={{ workerId: w.id }} label="Ajukan" variant="primary" />
              ) : null}
              {can(role, "workers.verify") && w.status === "diajukan" ? (
                <>
                  <OneClickForm action={verifyWorkersAction} fields={{ "workerIds[]": w.id }} label="Verifikasi" variant="primary" />
                  <RejectForm action={rejectWorkersAction} workerId={w.id} />
                </>
              ) : null}
              {can(role, "workers.verify") && w.status === "diverifikasi" ? <ActivateForm action={activateWorkerAction} workerId={w.id} today={today} /> : null}
              {can(role, "deaths.record") && !death ? (
                <div id="catat-kematian">
                  <RecordDeathForm action={recordDeathAction} workerId={w.id} today={today} />
                </div>
              ) : null}
              {can(role, "workers.end") && w.status !== "berakhir" ? <EndWorkerForm action={endWorkerAction} workerId={w.id} today={today} /> : null}
              {w.status === "berakhir" && (death || !can(role, "deaths.record")) ? (
                <p className="text-sm text-slate-600">Kepesertaan ini sudah berakhir; tidak ada tindakan lain. Ahli waris dan klaim dikelola di atas.</p>
              ) : null}
            </div>
          </Card>
        ) : null}
        <Card
          title="Riwayat"
          actions={
            can(role, "workers.export") ? (
              <a className={buttonClass("secondary")} href={`/api/workers/${w.id}/processing-record`}>
                Unduh catatan pemrosesan (UU PDP)
              </a>
            ) : null
          }
        >
          <ol className="space-y-2 text-sm" data-testid="worker-history">
            {w.events.map((e, i) => (
              <li key={i}>
                <span className="text-slate-600">{formatDateTime(e.at)}</span> · {e.actorName ?? "sistem"} ·{" "}
                {e.from ? `${WORKER_STATUS_LABELS[e.from]} → ` : ""}
                {WORKER_STATUS_LABELS[e.to]}
                {e.reason ? <span className="text-slate-600"> — {e.reason}</span> : null}
                {/* A fact typed later than it happened (a death, a back-dated coverage start) says when it took effect. */}
                {e.effectiveOn !== wibDay(e.at) ? <span className="text-slate-600"> · berlaku {dayLabel(e.effectiveOn)}</span> : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
