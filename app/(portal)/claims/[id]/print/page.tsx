import type { Metadata } from "next";
import { HEIR_RELATIONSHIPS, type HeirRelationship } from "@/lib/domain/heirs";
import { DinasSignature, OfficialDocument } from "@/components/reports/official-document";
import { Table, Td } from "@/components/ui/table";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { getDocumentKopForViewer } from "@/lib/data/area-settings";
import { getClaimForViewer } from "@/lib/data/claims";
import { COMPONENT_LABELS, type Component } from "@/lib/domain/benefits";
import { CLAIM_TYPE_LABELS, JKK_KIND_LABELS } from "@/lib/domain/claims";
import { dayLabel } from "@/lib/domain/wib";
import { formatRupiah } from "@/lib/format";

export const metadata: Metadata = { title: "Berita acara penyerahan santunan" };

/** "Berita Acara Penyerahan Santunan" for the hand-over: kop, worker, heirs, components and amounts, signature blocks. */
export default async function HandOverPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("claims.view");
  const id = idParam((await params).id);
  const c = await orNotFound(getClaimForViewer(viewer, id));
  const kop = await getDocumentKopForViewer(viewer, c.regencyCode);
  const title = c.type === "jkk" && c.jkkKind ? `Jaminan Kecelakaan Kerja (${JKK_KIND_LABELS[c.jkkKind]})` : CLAIM_TYPE_LABELS[c.type];
  const handedOn = c.payments.at(-1)?.paidOn ?? null;
  return (
    <OfficialDocument kop={kop} subline={`bersama BPJS Ketenagakerjaan ${c.officeName ?? ""}`} testId="berita-acara-santunan">
      <h1 className="text-center text-lg font-bold uppercase">Berita Acara Penyerahan Santunan</h1>
      <p className="mb-6 text-center text-sm">
        {title} · penetapan nomor {c.penetapanNumber ?? "—"}
      </p>
      <p className="mb-4 text-sm leading-relaxed">
        Pada {handedOn ? dayLabel(handedOn) : "hari ini"} telah diserahkan santunan program jaminan sosial ketenagakerjaan pekerja rentan yang iurannya dibayar
        oleh Pemerintah {c.regencyName}, atas nama peserta <strong>{c.workerName}</strong> (NIK {c.nikMasked})
        {c.districtName ? `, Kecamatan ${c.districtName}` : ""}, kejadian tanggal {dayLabel(c.eventDate)}, dengan rincian:
      </p>
      <Table caption="Rincian santunan" head={["Komponen", "Jumlah"]}>
        {c.components.map((k) => (
          <tr key={k.code}>
            <Td>{COMPONENT_LABELS[k.code as Component] ?? k.code}</Td>
            <Td className="tabular-nums">{formatRupiah(k.amount)}</Td>
          </tr>
        ))}
        <tr>
          <Td className="font-semibold">Jumlah</Td>
          <Td className="font-semibold tabular-nums" data-testid="ba-santunan-total">
            {formatRupiah(c.decided)}
          </Td>
        </tr>
      </Table>
      <h2 className="mt-4 mb-2 text-sm font-semibold">Diterima oleh</h2>
      <Table caption="Penerima santunan" head={["Nama", "Hubungan", "Tanggal", "Jumlah", "Rekening"]}>
        {c.payments.map((p) => (
          <tr key={p.id}>
            <Td>{p.heirName}</Td>
            <Td>{HEIR_RELATIONSHIPS[p.relationship as HeirRelationship] ?? p.relationship}</Td>
            <Td>{dayLabel(p.paidOn)}</Td>
            <Td className="tabular-nums">{formatRupiah(p.amount)}</Td>
            <Td>{p.accountLast4 ? `••••${p.accountLast4}` : "tunai"}</Td>
          </tr>
        ))}
      </Table>
      <div className="mt-12 grid grid-cols-3 gap-6 text-center text-sm">
        <div>
          <p>Penerima</p>
          <div className="h-24" />
          <p className="border-t border-slate-400 pt-1">{c.payments[0]?.heirName ?? "(nama)"}</p>
        </div>
        <div>
          <p>Kepala {c.officeName ?? "Kantor Cabang"}</p>
          <p>BPJS Ketenagakerjaan</p>
          <div className="h-24" />
          <p className="border-t border-slate-400 pt-1">(nama)</p>
        </div>
        <DinasSignature kop={kop} />
      </div>
    </OfficialDocument>
  );
}
