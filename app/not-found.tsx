import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">Halaman tidak ditemukan</h1>
      <p className="mt-2 text-slate-600">Alamat ini tidak ada, atau datanya di luar wilayah Anda.</p>
      <Link href="/dashboard" className="mt-4 inline-block text-brand-700 underline">
        Kembali ke beranda
      </Link>
    </main>
  );
}
