import type { ReactNode } from "react";
import { PrintButton } from "./print-button";

/**
 * A document the Dinas prints and signs: the A4 page, the print button (not printed) and the kop
 * (Pemerintah <area>, Dinas Tenaga Kerja, an optional line under it).
 */
export function OfficialDocument({
  regencyName,
  subline,
  testId,
  children,
}: {
  regencyName: string;
  subline?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <article className="report-page rounded-lg border border-slate-200 bg-white p-8 print:rounded-none print:border-0 print:p-0" data-testid={testId}>
      <div className="mb-4 flex justify-end print:hidden">
        <PrintButton />
      </div>
      <header className="mb-6 border-b-4 border-double border-slate-800 pb-3 text-center">
        <p className="text-lg font-semibold uppercase">Pemerintah {regencyName}</p>
        <p className="text-xl font-bold uppercase">Dinas Tenaga Kerja</p>
        {subline ? <p className="text-sm text-slate-600">{subline}</p> : null}
      </header>
      {children}
    </article>
  );
}
