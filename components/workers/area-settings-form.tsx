"use client";
import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/auth/action";

type Action = (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;

type Settings = {
  requiresApproval: boolean;
  importOneStep: boolean;
  funderPriority: string[];
  dinasName: string | null;
  kopAddress: string | null;
  headTitle: string | null;
  headName: string | null;
  headNip: string | null;
};

export function AreaSettingsForm({ action, values, labels }: { action: Action; values: Settings; labels: Record<string, string> }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const [order, setOrder] = useState(values.funderPriority);
  // What was typed survives a refused save (the form resets to its defaults after each submission).
  const typed = (k: keyof Settings) => (typeof state.values?.[k] === "string" ? (state.values[k] as string) : ((values[k] as string | null) ?? ""));
  const move = (i: number, by: -1 | 1) =>
    setOrder((o) => {
      const next = [...o];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  return (
    <form action={formAction} className="space-y-6">
      <FormMessage status={state.status} message={state.message} />
      <fieldset className="space-y-3">
        <legend className="mb-1 font-semibold">Alur kerja</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="requiresApproval" defaultChecked={values.requiresApproval} className="mt-1" />
          <span>Pengajuan petugas perlu persetujuan supervisor sebelum mengambil kuota (dua tahap).</span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="importOneStep" defaultChecked={values.importOneStep} className="mt-1" />
          <span>Petugas boleh menerapkan impor massal sendiri (satu langkah). Tanpa centang: petugas mengunggah, supervisor menerapkan.</span>
        </label>
      </fieldset>
      <fieldset>
        <legend className="font-semibold">Urutan penyandang dana yang kuotanya diisi lebih dulu</legend>
        <p className="text-sm text-slate-600">Pekerja mengambil kuota regulasi dari penyandang dana teratas yang masih punya kuota.</p>
        {state.fieldErrors?.funderPriority ? (
          <p role="alert" className="text-sm text-red-700">
            {state.fieldErrors.funderPriority.join(" ")}
          </p>
        ) : null}
        <ol className="mt-2 max-w-xl divide-y rounded-md border border-slate-300" data-testid="funder-order">
          {order.map((f, i) => (
            <li key={f} className="flex items-center gap-3 px-3 py-2 text-sm">
              <input type="hidden" name="funderPriority[]" value={f} />
              <span className="w-6 font-semibold tabular-nums">{i + 1}.</span>
              <span className="flex-1">{labels[f] ?? f}</span>
              <button
                type="button"
                className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={`Naikkan ${labels[f] ?? f}`}
              >
                ↑ Naik
              </button>
              <button
                type="button"
                className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40"
                disabled={i === order.length - 1}
                onClick={() => move(i, 1)}
                aria-label={`Turunkan ${labels[f] ?? f}`}
              >
                ↓ Turun
              </button>
            </li>
          ))}
        </ol>
      </fieldset>
      <fieldset className="grid max-w-3xl grid-cols-1 gap-4 sm:grid-cols-2">
        <legend className="mb-1 font-semibold">Kop dan tanda tangan dokumen cetak</legend>
        <p className="text-sm text-slate-600 sm:col-span-2">
          Dipakai pada laporan triwulan, surat keterangan kepesertaan dan berita acara. Nama dan NIP yang kosong dicetak sebagai garis untuk diisi tangan.
        </p>
        <TextField
          label="Nama dinas"
          name="dinasName"
          defaultValue={typed("dinasName")}
          placeholder="Dinas Tenaga Kerja"
          errors={state.fieldErrors?.dinasName}
        />
        <TextField label="Alamat kantor (baris di bawah kop)" name="kopAddress" defaultValue={typed("kopAddress")} errors={state.fieldErrors?.kopAddress} />
        <TextField
          label="Jabatan penanda tangan"
          name="headTitle"
          defaultValue={typed("headTitle")}
          placeholder="Kepala Dinas Tenaga Kerja"
          errors={state.fieldErrors?.headTitle}
        />
        <TextField label="Nama penanda tangan" name="headName" defaultValue={typed("headName")} errors={state.fieldErrors?.headName} />
        <TextField
          label="NIP penanda tangan"
          name="headNip"
          defaultValue={typed("headNip")}
          inputMode="numeric"
          hint="18 digit angka."
          errors={state.fieldErrors?.headNip}
        />
      </fieldset>
      <SubmitButton>Simpan pengaturan</SubmitButton>
    </form>
  );
}

type Row = { id: number; name: string; nik: string; districtName: string | null };

/** The supervisor's approval list in two-step areas: select many, approve. */
export function ApprovalQueue({ rows, approve }: { rows: Row[]; approve: Action }) {
  const [state, formAction] = useActionState(approve, { status: "idle" });
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <ul className="divide-y rounded-md border">
        {rows.map((r) => (
          <li key={r.id} className="flex items-center gap-3 px-3 py-2 text-sm">
            <input type="checkbox" name="workerIds[]" value={r.id} aria-label={`Pilih ${r.name}`} />
            <a className="text-brand-700 underline" href={`/workers/${r.id}`}>
              {r.name}
            </a>
            <span className="font-mono text-slate-600">{r.nik}</span>
            <span className="text-slate-600">{r.districtName}</span>
          </li>
        ))}
      </ul>
      <SubmitButton>Setujui yang dipilih</SubmitButton>
    </form>
  );
}
