import type { Metadata } from "next";
import { DinasSignature, OfficialDocument } from "@/components/reports/official-document";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { today as clockToday } from "@/lib/clock";
import { getDocumentKopForViewer } from "@/lib/data/area-settings";
import { getEnrolmentLetterForViewer } from "@/lib/data/workers";
import { dayLabel } from "@/lib/domain/wib";

export const metadata: Metadata = { title: "Surat keterangan kepesertaan" };

/** "Surat Keterangan Kepesertaan" for the officer to print and hand to an aktif worker. */
export default async function EnrolmentLetterPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("workers.register");
  const id = idParam((await params).id);
  const [w, today] = await Promise.all([orNotFound(getEnrolmentLetterForViewer(viewer, id)), clockToday()]);
  const kop = await getDocumentKopForViewer(viewer, w.regencyCode);
  const rows: [string, string][] = [
    ["Nama", w.name],
    ["NIK", w.nikMasked],
    ["Tanggal lahir", dayLabel(w.birthDate)],
    ["Alamat", [w.villageName, w.districtName ? `Kec. ${w.districtName}` : null, w.regencyName].filter(Boolean).join(", ")],
    ["Nomor KPJ", w.kpjNumber],
    ["Mulai kepesertaan", dayLabel(w.coverageStart)],
    ["Program", "Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM)"],
    ["Iuran dibayar oleh", `Pemerintah ${w.regencyName}, berdasarkan ${w.regulationTitle}${w.regulationNumber ? ` (${w.regulationNumber})` : ""}`],
  ];
  return (
    <OfficialDocument kop={kop} testId="surat-kepesertaan">
      <h1 className="text-center text-lg font-bold uppercase underline">Surat Keterangan Kepesertaan</h1>
      <p className="mb-6 text-center text-sm">Jaminan sosial ketenagakerjaan pekerja rentan</p>
      <p className="mb-4 text-sm leading-relaxed">Yang bertanda tangan di bawah ini menerangkan bahwa:</p>
      <dl className="mb-6 grid grid-cols-[12rem_1fr] gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt>{k}</dt>
            <dd>: {v}</dd>
          </div>
        ))}
      </dl>
      <p className="mb-10 text-sm leading-relaxed">
        adalah peserta BPJS Ketenagakerjaan yang iurannya dibayar oleh pemerintah daerah. Perlindungan berlaku selama iuran dibayar; keterangan iuran terkini
        ada di BPJS Ketenagakerjaan. Surat ini dibuat untuk dipergunakan sebagaimana mestinya.
      </p>
      <div className="ml-auto w-72">
        <DinasSignature kop={kop} day={`${w.regencyName}, ${dayLabel(today)}`} />
      </div>
    </OfficialDocument>
  );
}
