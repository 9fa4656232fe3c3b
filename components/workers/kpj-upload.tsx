"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { FormMessage } from "@/components/ui/form-message";

type Result = { line: number; ok: boolean; message: string };

/** NIK → KPJ file for the branch: sent to a streaming route, answered with a result per row. */
export function KpjUpload() {
  const router = useRouter();
  const [state, setState] = useState<{ status: "idle" | "success" | "error"; message?: string; results?: Result[] }>({ status: "idle" });
  const [busy, setBusy] = useState(false);
  async function onSubmit(ev: React.FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const file = (ev.currentTarget.elements.namedItem("kpjFile") as HTMLInputElement).files?.[0];
    if (!file) return setState({ status: "error", message: "Pilih berkas CSV terlebih dahulu." });
    setBusy(true);
    try {
      const res = await fetch("/api/verification/kpj", { method: "POST", body: file, headers: { "Content-Type": "text/csv" } });
      const body = (await res.json().catch(() => ({}))) as { message?: string; results?: Result[] };
      setState({ status: res.ok ? "success" : "error", message: body.message ?? "Unggah gagal.", results: body.results });
      if (res.ok) router.refresh();
    } catch {
      setState({ status: "error", message: "Unggah gagal: periksa koneksi lalu coba lagi." });
    } finally {
      setBusy(false);
    }
  }
  const failed = state.results?.filter((r) => !r.ok) ?? [];
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <label htmlFor="f-kpjFile" className="block text-sm font-medium text-slate-700">
        Berkas NIK → KPJ (CSV: nik, kpj, mulai opsional YYYY-MM-DD)
      </label>
      <input id="f-kpjFile" name="kpjFile" type="file" accept=".csv,text/csv" className="block text-sm" />
      <button type="submit" disabled={busy} className={buttonClass("secondary")}>
        {busy ? "Mengunggah…" : "Unggah KPJ"}
      </button>
      <FormMessage status={state.status} message={state.message} />
      {failed.length ? (
        <ul className="text-sm text-red-700" data-testid="kpj-errors">
          {failed.map((r) => (
            <li key={r.line}>
              Baris {r.line}: {r.message}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
