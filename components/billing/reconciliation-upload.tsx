"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { FormMessage } from "@/components/ui/form-message";

/** BPJS's participant list for a regulation and month, sent to the streaming reconciliation route. */
export function ReconciliationUpload({ regulations, month }: { regulations: { id: number; title: string; regencyName: string }[]; month: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ status: "idle" | "success" | "error"; message?: string }>({ status: "idle" });
  const [busy, setBusy] = useState(false);
  async function onSubmit(ev: React.FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const form = ev.currentTarget;
    const file = (form.elements.namedItem("bpjsFile") as HTMLInputElement).files?.[0];
    const regulationId = (form.elements.namedItem("regulationId") as HTMLSelectElement).value;
    const m = (form.elements.namedItem("month") as HTMLInputElement).value;
    if (!file) return setState({ status: "error", message: "Pilih berkas daftar peserta BPJS (CSV atau XLSX) terlebih dahulu." });
    setBusy(true);
    try {
      const res = await fetch(`/api/reconciliations?regulationId=${encodeURIComponent(regulationId)}&month=${encodeURIComponent(m)}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": file.type || "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) },
      });
      const body = (await res.json().catch(() => ({}))) as { message?: string; id?: number };
      setState({ status: res.ok ? "success" : "error", message: body.message ?? (res.ok ? "Selesai." : "Unggah gagal.") });
      if (res.ok && body.id) router.push(`/billing/reconciliations/${body.id}`);
    } catch {
      setState({ status: "error", message: "Unggah gagal: periksa koneksi lalu coba lagi." });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={onSubmit} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
      </div>
      <div>
        <label htmlFor="f-regulationId" className="block text-sm font-medium text-slate-700">
          Regulasi
        </label>
        <select id="f-regulationId" name="regulationId" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
          {regulations.map((r) => (
            <option key={r.id} value={r.id}>
              {r.regencyName}: {r.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-month" className="block text-sm font-medium text-slate-700">
          Bulan
        </label>
        <input id="f-month" name="month" type="month" defaultValue={month} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="f-bpjsFile" className="block text-sm font-medium text-slate-700">
          Daftar peserta BPJS (CSV atau XLSX: kpj, nik, nama, status_kepesertaan, bulan_iuran_terakhir; maks. 200.000 baris)
        </label>
        <input id="f-bpjsFile" name="bpjsFile" type="file" accept=".csv,.xlsx,text/csv" className="mt-1 block text-sm" />
      </div>
      <div>
        <button type="submit" disabled={busy} className={buttonClass("primary")}>
          {busy ? "Membandingkan…" : "Unggah dan bandingkan"}
        </button>
      </div>
    </form>
  );
}
