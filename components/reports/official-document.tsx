import type { ReactNode } from "react";
import type { DocumentKop } from "@/lib/data/area-settings";
import { PrintButton } from "./print-button";

/**
 * A document the Dinas prints and signs: the A4 page, the print button (not printed) and the kop
 * the area's supervisor set (Pemerintah <area>, the Dinas, its address), with an optional line.
 */
export function OfficialDocument({ kop, subline, testId, children }: { kop: DocumentKop; subline?: ReactNode; testId: string; children: ReactNode }) {
  return (
    <article className="report-page rounded-lg border border-slate-200 bg-white p-8 print:rounded-none print:border-0 print:p-0" data-testid={testId}>
      <div className="mb-4 flex justify-end print:hidden">
        <PrintButton />
      </div>
      <DocumentHeader kop={kop} subline={subline} />
      {children}
    </article>
  );
}

export function DocumentHeader({ kop, subline }: { kop: DocumentKop; subline?: ReactNode }) {
  return (
    <header className="mb-6 border-b-4 border-double border-slate-800 pb-3 text-center" data-testid="kop">
      <p className="text-lg font-semibold uppercase">Pemerintah {kop.regencyName}</p>
      <p className="text-xl font-bold uppercase">{kop.dinasName}</p>
      {kop.address ? <p className="text-sm">{kop.address}</p> : null}
      {subline ? <p className="text-sm text-slate-600">{subline}</p> : null}
    </header>
  );
}

/**
 * The Dinas's signature block: place and date, the title, room to sign, then the name and NIP the
 * supervisor set, or lines to fill in by hand.
 */
export function DinasSignature({ kop, day, lead }: { kop: DocumentKop; day?: string; lead?: string }) {
  return (
    <div className="text-center text-sm" data-testid="signature">
      {day ? <p>{day}</p> : null}
      {lead ? <p>{lead}</p> : null}
      <p>{kop.headTitle}</p>
      <p>{kop.regencyName}</p>
      <div className="h-20" />
      <p className="border-t border-slate-400 pt-1 font-semibold">{kop.headName ?? "(nama)"}</p>
      <p>NIP {kop.headNip ?? "…………………………"}</p>
    </div>
  );
}
