"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Sends the chosen file as the request body of POST /api/imports (streamed to disk on the
 * server; no 1 MB action limit), then opens the batch. Errors appear next to the file field.
 */
export function ImportUploadForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("berkas");
    if (!(file instanceof File) || file.size === 0) return setError(file instanceof File && file.name ? "Berkas kosong." : "Pilih berkas CSV atau XLSX.");
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/imports?nama=${encodeURIComponent(file.name)}&terdaftar=${form.get("terdaftar")}`, {
        method: "POST",
        body: file,
        // Named explicitly: the route refuses what a cross-site form could send (text/plain, forms).
        headers: { "Content-Type": "application/octet-stream" },
      });
      const body = (await res.json().catch(() => ({}))) as { id?: string; message?: string };
      if (!res.ok || !body.id) return setError(body.message ?? "Unggahan gagal; coba lagi.");
      router.push(`/imports/${body.id}`);
    } catch {
      setError("Unggahan terputus; periksa koneksi lalu coba lagi.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="f-berkas" className="block text-sm font-medium text-slate-700">
          Berkas daftar pekerja (CSV atau XLSX, paling besar 50 MB)
        </label>
        <input
          id="f-berkas"
          name="berkas"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="mt-1 block text-sm"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "f-berkas-err" : undefined}
        />
        {error ? (
          <p id="f-berkas-err" role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="f-terdaftar" className="block text-sm font-medium text-slate-700">
          NIK yang sudah terdaftar di wilayah ini
        </label>
        <select id="f-terdaftar" name="terdaftar" className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm" defaultValue="lewati">
          <option value="lewati">Lewati</option>
          <option value="perbarui">Perbarui kolom yang diisi (bukan NIK, nama, tanggal lahir, jenis kelamin)</option>
        </select>
      </div>
      <button type="submit" disabled={busy} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {busy ? "Mengunggah…" : "Unggah dan validasi"}
      </button>
    </form>
  );
}
