import type { Metadata } from "next";
import { entitledHeirs, HEIR_RELATIONSHIPS, type HeirRelationship } from "@/lib/domain/heirs";
import Link from "next/link";
import { FieldForm } from "@/components/billing/forms";
import { ClaimPaymentForm, DecideClaimForm } from "@/components/claims/forms";
import { DocumentUpload } from "@/components/regulations/document-upload";
import { buttonClass } from "@/components/ui/button-class";
import { Card, PageHeader } from "@/components/ui/card";
import { OneClickForm } from "@/components/ui/one-click-form";
import { Table, Td } from "@/components/ui/table";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { today as clockToday } from "@/lib/clock";
import { getClaimForViewer } from "@/lib/data/claims";
import { COMPONENT_LABELS } from "@/lib/domain/benefits";
import { CLAIM_STATUS_LABELS, CLAIM_TYPE_LABELS, DOCUMENT_LABELS, JKK_KIND_LABELS, SCHOOL_LEVEL_LABELS } from "@/lib/domain/claims";
import { stateLabel } from "@/lib/domain/contribution-state";
import { dayLabel, monthLabel } from "@/lib/domain/wib";
import { formatDateTime, formatRupiah } from "@/lib/format";
import { claimPaymentAction, decideClaimAction, refuseClaimAction, submitClaimAction } from "../actions";

export const metadata: Metadata = { title: "Kasus klaim" };

export default async function ClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("claims.view");
  const id = idParam((await params).id);
  const [c, today] = await Promise.all([orNotFound(getClaimForViewer(viewer, id)), clockToday()]);
  const open = can(viewer.role, "claims.open");
  const decide = can(viewer.role, "claims.decide");
  const final = c.status === "dibayar" || c.status === "ditolak";
  const title = c.type === "jkk" && c.jkkKind ? `JKK: ${JKK_KIND_LABELS[c.jkkKind]}` : CLAIM_TYPE_LABELS[c.type];
  const computed = c.benefit.kind === "amount" ? c.benefit.components : [];
  const left = c.decided - c.paid;
  return (
    <>
      <PageHeader
        title={`Klaim ${title}`}
        description={
          <>
            <Link className="underline" href={`/workers/${c.workerId}`}>
              {c.workerName}
            </Link>{" "}
            · NIK {c.nikMasked} · {c.regencyName} · kejadian {dayLabel(c.eventDate)} · <span data-testid="claim-status">{CLAIM_STATUS_LABELS[c.status]}</span>
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Perlindungan pada tanggal kejadian">
          <p
            data-testid="claim-coverage"
            className={`rounded-md border px-3 py-2 text-sm ${c.coverage.covered ? (c.coverage.arrearsAmount ? "border-amber-300 bg-amber-50" : "border-green-200 bg-green-50") : "border-red-200 bg-red-50 text-red-900"}`}
          >
            {c.coverage.message}
          </p>
          <dl className="mt-3 grid grid-cols-1 gap-2 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-600">Status iuran pada hari itu</dt>
              <dd className="font-medium">{c.coverage.state ? stateLabel(c.coverage.state) : "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Mulai kepesertaan</dt>
              <dd className="font-medium">{c.coverage.membershipStart ? dayLabel(c.coverage.membershipStart) : "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Masa iur sampai bulan kejadian</dt>
              <dd className="font-medium">{c.coverage.masaIur} bulan</dd>
            </div>
            <div>
              <dt className="text-slate-600">Iuran terakhir dibayar (per hari itu)</dt>
              <dd className="font-medium">{c.coverage.lastPaidMonth ? monthLabel(c.coverage.lastPaidMonth) : "—"}</dd>
            </div>
          </dl>
          {c.deadline ? (
            <p className="mt-3 text-sm" data-testid="claim-deadline">
              Laporan kecelakaan tahap I paling lambat {formatDateTime(c.deadline.due)}:{" "}
              <strong>
                {c.deadline.met === true
                  ? "dipenuhi"
                  : c.deadline.met === false
                    ? "terlambat"
                    : `sisa ${c.deadline.hoursLeft} jam (unggah dokumen laporan kecelakaan di bawah)`}
              </strong>
              .
            </p>
          ) : null}
        </Card>

        <Card title="Nilai santunan">
          {c.benefit.kind === "amount" ? (
            <>
              <Table caption="Komponen santunan" head={["Komponen", "Jumlah"]}>
                {c.benefit.components.map((k) => (
                  <tr key={k.code}>
                    <Td>{COMPONENT_LABELS[k.code]}</Td>
                    <Td className="tabular-nums">{formatRupiah(k.amount)}</Td>
                  </tr>
                ))}
                <tr>
                  <Td className="font-semibold">Jumlah</Td>
                  <Td className="font-semibold tabular-nums" data-testid="claim-total">
                    {formatRupiah(c.benefit.total)}
                  </Td>
                </tr>
              </Table>
              <p className="mt-2 text-sm text-slate-600">{c.benefit.note}</p>
            </>
          ) : (
            <p className="text-sm">{c.benefit.note}</p>
          )}
          {c.type !== "beasiswa" && c.benefit.childrenEligible ? (
            <p className="mt-2 text-sm">Anak peserta (paling banyak dua) berhak atas beasiswa pendidikan; ajukan per anak per tahun ajaran.</p>
          ) : null}
          {c.type === "beasiswa" ? (
            <p className="mt-2 text-sm">
              {c.childName}, lahir {c.childBirthDate ? dayLabel(c.childBirthDate) : "—"} · {c.schoolLevel ? SCHOOL_LEVEL_LABELS[c.schoolLevel] : ""} · tahun
              ajaran {c.schoolYear}
              {c.guardianName ? ` · dibayarkan kepada wali ${c.guardianName}` : ""}
            </p>
          ) : null}
        </Card>

        <Card title="Dokumen">
          <ul className="space-y-3 text-sm">
            {c.documents.map((d) => (
              <li key={d.kind} className="rounded-md border border-slate-200 p-3" data-testid={`doc-${d.kind}`}>
                <p>
                  <strong>{DOCUMENT_LABELS[d.kind]}</strong>
                  {d.required ? "" : " (tambahan)"}:{" "}
                  {d.name ? (
                    <a className="text-brand-700 underline" href={`/api/claims/${c.id}/documents/${d.kind}`}>
                      {d.name}
                    </a>
                  ) : (
                    <span className="text-amber-800">belum ada</span>
                  )}
                  {d.uploadedAt ? <span className="text-slate-600"> · {formatDateTime(d.uploadedAt)}</span> : null}
                </p>
                {open && !final ? (
                  <div className="mt-2">
                    <DocumentUpload
                      url={`/api/claims/${c.id}/documents/${d.kind}`}
                      inputId={`f-doc-${d.kind}`}
                      label="PDF, JPEG atau PNG, maks. 10 MB"
                      accept="application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png"
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>

        <Card title="Proses">
          <div className="space-y-4 text-sm">
            <p>
              Dibuka {formatDateTime(c.createdAt)}. {c.place ? `Tempat: ${c.place}. ` : ""}
              {c.description}
            </p>
            {c.penetapanNumber ? (
              <p>
                Penetapan BPJS nomor <strong>{c.penetapanNumber}</strong>
                {c.decidedAt ? `, ${formatDateTime(c.decidedAt)}` : ""}
                {c.decidedByName ? ` oleh ${c.decidedByName}` : ""}: {formatRupiah(c.decided)}.
              </p>
            ) : null}
            {c.refusedReason ? <p className="text-red-800">Ditolak: {c.refusedReason}</p> : null}
            {open && c.status === "dokumen_lengkap" ? (
              <OneClickForm action={submitClaimAction} fields={{ claimId: c.id }} label="Ajukan ke BPJS" variant="primary" />
            ) : null}
            {decide && c.status === "diajukan" && c.coverage.covered ? (
              <DecideClaimForm
                action={decideClaimAction}
                claimId={c.id}
                components={
                  computed.length
                    ? computed.map((k) => ({ code: k.code, label: COMPONENT_LABELS[k.code], amount: k.amount }))
                    : [{ code: "santunan_jkk", label: "Santunan sesuai penetapan", amount: 0 }]
                }
              />
            ) : null}
            {decide && !final && c.status !== "ditetapkan" ? (
              <FieldForm action={refuseClaimAction} hidden={{ claimId: c.id }} field="reason" label="Alasan penolakan" button="Tolak klaim" variant="danger" />
            ) : null}
            {decide && c.status === "ditetapkan" ? (
              <ClaimPaymentForm
                action={claimPaymentAction}
                claimId={c.id}
                left={left}
                today={today}
                heirs={entitledHeirs(c.heirs).map((h) => ({ name: h.name, relationship: h.relationship ?? "" }))}
              />
            ) : null}
          </div>
        </Card>

        {c.payments.length ? (
          <Card
            title="Pembayaran kepada ahli waris"
            actions={
              <Link className={buttonClass("secondary")} href={`/claims/${c.id}/print`}>
                Cetak berita acara penyerahan
              </Link>
            }
          >
            <Table caption="Pembayaran santunan" head={["Tanggal", "Penerima", "Hubungan", "Jumlah", "Rekening"]}>
              {c.payments.map((p) => (
                <tr key={p.id}>
                  <Td>{dayLabel(p.paidOn)}</Td>
                  <Td>{p.heirName}</Td>
                  <Td>{HEIR_RELATIONSHIPS[p.relationship as HeirRelationship] ?? p.relationship}</Td>
                  <Td className="tabular-nums">{formatRupiah(p.amount)}</Td>
                  <Td>{p.accountLast4 ? `••••${p.accountLast4}` : "—"}</Td>
                </tr>
              ))}
            </Table>
            <p className="mt-2 text-sm" data-testid="claim-paid">
              Dibayar {formatRupiah(c.paid)} dari {formatRupiah(c.decided)}.
            </p>
          </Card>
        ) : null}
      </div>
    </>
  );
}
