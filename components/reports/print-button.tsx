"use client";

/** Opens the browser's print dialog; "Simpan sebagai PDF" there gives the PDF. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md bg-brand-700 px-3 py-1.5 text-sm text-white print:hidden">
      Cetak / simpan PDF
    </button>
  );
}
