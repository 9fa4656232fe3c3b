import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">Akses ditolak</h1>
      <p className="mt-2 text-slate-600">Peran Anda tidak berwenang membuka halaman ini.</p>
      <Link href="/dashboard" className="mt-4 inline-block text-brand-700 underline">
        Kembali ke beranda
      </Link>
    </main>
  );
}
