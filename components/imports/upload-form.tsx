"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { formatNumber } from "@/lib/format";

/**
 * Sends the chosen file as the request body of POST /api/imports (streamed to disk on the
 * server; no 1 MB action limit), then opens the batch. Errors appear next to the file field.
 */
export function ImportUploadForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<File | null>(null);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
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
        {/* The browser's own file button speaks the browser's language: the input is hidden (still
            focusable and labelled) and an Indonesian drop zone stands for it. */}
        <input
          ref={input}
          id="f-berkas"
          name="berkas"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="peer sr-only"
          onChange={(e) => setChosen(e.currentTarget.files?.[0] ?? null)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "f-berkas-err" : "f-berkas-pilihan"}
        />
        <label
          htmlFor="f-berkas"
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            if (input.current && e.dataTransfer.files.length) {
              input.current.files = e.dataTransfer.files;
              setChosen(e.dataTransfer.files[0] ?? null);
            }
          }}
          className={`mt-1 flex cursor-pointer flex-col items-center rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 ${over ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-slate-50 hover:border-brand-600"}`}
        >
          <span className="font-medium text-brand-700">Pilih berkas</span>
          <span className="text-slate-700">atau seret berkas CSV/XLSX ke sini</span>
          <span id="f-berkas-pilihan" className="mt-2 text-slate-800" aria-live="polite">
            {chosen ? `Dipilih: ${chosen.name} (${formatNumber(Math.max(1, Math.round(chosen.size / 1024)))} kB)` : "Belum ada berkas dipilih."}
          </span>
        </label>
        {error ? (
          <p id="f-berkas-err" role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Bila NIK di berkas sudah terdaftar di wilayah ini</legend>
        <label className="mt-2 flex items-start gap-2 text-sm">
          <input type="radio" name="terdaftar" value="lewati" defaultChecked className="mt-1" />
          <span>
            <strong>Lewati</strong>: data pekerja yang sudah ada tidak diubah; barisnya hanya dihitung sebagai &ldquo;sudah terdaftar&rdquo;.
          </span>
        </label>
        <label className="mt-1 flex items-start gap-2 text-sm">
          <input type="radio" name="terdaftar" value="perbarui" className="mt-1" />
          <span>
            <strong>Perbarui</strong>: kolom yang diisi (alamat, no. HP, pekerjaan, penghasilan, nomor KK, kelurahan selama belum diverifikasi BPJS, ahli waris)
            menggantikan data lama. NIK, nama, tanggal lahir dan jenis kelamin tidak pernah diubah lewat impor; setiap perubahan tercatat di riwayat pekerja.
          </span>
        </label>
      </fieldset>
      <button type="submit" disabled={busy} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {busy ? "Mengunggah…" : "Unggah dan validasi"}
      </button>
    </form>
  );
}
