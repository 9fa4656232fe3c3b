"use client";
import Link from "next/link";

/** An unexpected error while rendering a page: said in Indonesian, with the code the server logged. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">Halaman ini gagal dimuat</h1>
      <p className="mt-2 text-slate-600">Terjadi kesalahan di server. Coba muat ulang; bila berulang, sampaikan kode galat ini kepada admin.</p>
      {error.digest ? <p className="mt-2 font-mono text-sm text-slate-600">Kode galat: {error.digest}</p> : null}
      <div className="mt-4 flex justify-center gap-4">
        <button type="button" onClick={reset} className="text-brand-700 underline">
          Muat ulang
        </button>
        <Link href="/dashboard" className="text-brand-700 underline">
          Kembali ke beranda
        </Link>
      </div>
    </main>
  );
}
