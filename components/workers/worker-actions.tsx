"use client";
import { waitLabel } from "@/lib/domain/wib";
import { useActionState, useRef, useState, useTransition } from "react";
import { WorkerStatusBadge } from "@/components/workers/status-badge";
import type { WorkerStatus } from "@/lib/domain/worker-status";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/auth/action";

type Action = (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;

/** "Tampilkan NIK": the full NIK comes back from a logged server action, never from the page or a URL. */
export function RevealNik({ action, workerId, masked }: { action: Action; workerId: number; masked: string }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="inline-flex items-center gap-3">
      <input type="hidden" name="workerId" value={workerId} />
      <span className="font-mono" data-testid="nik">
        {state.status === "success" ? state.message : masked}
      </span>
      {state.status === "success" ? null : <SubmitButton variant="secondary">Tampilkan NIK</SubmitButton>}
      {state.status === "error" ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}

export function ActivateForm({ action, workerId, today }: { action: Action; workerId: number; today: string }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="grid grid-cols-1 gap-3 sm:grid-cols-3" noValidate>
      <input type="hidden" name="workerId" value={workerId} />
      <TextField label="Nomor KPJ" name="kpjNumber" defaultValue={(state.values?.kpjNumber as string) ?? ""} errors={e.kpjNumber} />
      <TextField
        label="Mulai kepesertaan"
        name="coverageStart"
        type="date"
        defaultValue={(state.values?.coverageStart as string) ?? today}
        errors={e.coverageStart}
      />
      <div className="flex items-end">
        <SubmitButton>Catat KPJ</SubmitButton>
      </div>
      <div className="sm:col-span-3">
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

export function EndWorkerForm({ action, workerId, today }: { action: Action; workerId: number; today: string }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="workerId" value={workerId} />
      <SelectField
        // Remounted with what was chosen: a refused submission keeps the reason (React resets the form).
        key={(state.values?.reason as string) ?? ""}
        label="Alasan berakhir"
        name="reason"
        errors={state.fieldErrors?.reason}
        defaultValue={(state.values?.reason as string) ?? ""}
      >
        <option value="">— Pilih —</option>
        <option value="meninggal">Meninggal</option>
        <option value="pindah_domisili">Pindah domisili</option>
        <option value="tidak_memenuhi_syarat">Tidak lagi memenuhi syarat</option>
        <option value="mengundurkan_diri">Mengundurkan diri</option>
      </SelectField>
      <TextField
        label="Tanggal berakhir"
        hint="Hari kejadiannya (mis. tanggal meninggal), bukan hari ini dicatat."
        name="endedOn"
        type="date"
        max={today}
        defaultValue={(state.values?.endedOn as string) ?? today}
        errors={state.fieldErrors?.endedOn}
      />
      <SubmitButton variant="danger">Akhiri kepesertaan</SubmitButton>
      <div className="w-full">
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

/** "Catat kematian": the date of death; the document is uploaded once the death is recorded. */
export function RecordDeathForm({ action, workerId, today }: { action: Action; workerId: number; today: string }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="workerId" value={workerId} />
      <TextField
        label="Tanggal meninggal"
        hint="Sesuai akta atau surat keterangan kematian. Kepesertaan berakhir pada tanggal ini."
        name="diedOn"
        type="date"
        max={today}
        defaultValue={(state.values?.diedOn as string) ?? ""}
        errors={state.fieldErrors?.diedOn}
      />
      <SubmitButton variant="danger">Catat kematian</SubmitButton>
      <div className="w-full">
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

/** The reasons a branch gives most often; free text stays possible. */
const REJECTION_REASONS = ["NIK tidak padan dengan data Dukcapil", "Sudah terdaftar sebagai peserta aktif BPJS Ketenagakerjaan", "Data tidak lengkap"];

type QueueRow = { id: number; name: string; nik: string; status: string; districtName: string | null; villageName: string | null; waitingDays: number };

/**
 * The branch queue: tick rows (or the whole page) and verify or reject them from the bar that stays
 * in view at the bottom, or use a row's own buttons (the reason field applies to both rejections).
 */
export function VerificationQueue({ rows, verify, reject, selectable = true }: { rows: QueueRow[]; verify: Action; reject: Action; selectable?: boolean }) {
  const [vState, verifyAction] = useActionState(verify, { status: "idle" });
  const [rState, rejectAction] = useActionState(reject, { status: "idle" });
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  // A row's own button: that row only, and (for a rejection) the reason typed in the bar.
  const runRow = (dispatch: (fd: FormData) => void, id: number, withReason: boolean) => {
    const fd = new FormData();
    fd.append("workerIds[]", String(id));
    if (withReason) fd.append("reason", String(new FormData(formRef.current ?? undefined).get("reason") ?? ""));
    startTransition(() => dispatch(fd));
  };
  const pickable = rows.filter((r) => r.status === "diajukan").map((r) => r.id);
  // Rows verified or rejected leave the list; what is ticked is what is still on it.
  const count = pickable.filter((id) => picked.has(id)).length;
  const allPicked = pickable.length > 0 && count === pickable.length;
  const toggle = (id: number, on: boolean) =>
    setPicked((p) => {
      const next = new Set(p);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <form className="space-y-4" ref={formRef}>
      <FormMessage status={vState.status} message={vState.message} />
      <FormMessage status={rState.status} message={rState.message} />
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Antrean verifikasi</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2 text-left">
                {selectable ? (
                  <input
                    type="checkbox"
                    aria-label="Pilih semua di halaman ini"
                    checked={allPicked}
                    onChange={(e) => setPicked(e.target.checked ? new Set(pickable) : new Set())}
                  />
                ) : (
                  "Pilih"
                )}
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                Nama
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                NIK
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                Kecamatan / kelurahan
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                Status
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                Menunggu
              </th>
              {selectable ? (
                <th scope="col" className="px-3 py-2 text-left">
                  Tindakan
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} data-testid="queue-row">
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    name="workerIds[]"
                    value={r.id}
                    aria-label={`Pilih ${r.name}`}
                    disabled={r.status !== "diajukan"}
                    checked={picked.has(r.id)}
                    onChange={(e) => toggle(r.id, e.target.checked)}
                  />
                </td>
                <td className="px-3 py-2">
                  <a className="text-brand-700 underline" href={`/workers/${r.id}`}>
                    {r.name}
                  </a>
                </td>
                <td className="px-3 py-2 font-mono">{r.nik}</td>
                <td className="px-3 py-2">
                  {r.districtName} / {r.villageName}
                </td>
                <td className="px-3 py-2">
                  <WorkerStatusBadge status={r.status as WorkerStatus} />
                </td>
                <td className={`px-3 py-2 ${r.waitingDays > 30 ? "font-semibold text-red-800" : r.waitingDays > 14 ? "font-medium text-amber-800" : ""}`}>
                  {waitLabel(r.waitingDays)}
                </td>
                {selectable ? (
                  <td className="whitespace-nowrap px-3 py-2">
                    <button
                      type="button"
                      onClick={() => runRow(verifyAction, r.id, false)}
                      className="text-brand-700 underline"
                      aria-label={`Verifikasi ${r.name}`}
                    >
                      Verifikasi
                    </button>{" "}
                    ·{" "}
                    <button type="button" onClick={() => runRow(rejectAction, r.id, true)} className="text-red-700 underline" aria-label={`Tolak ${r.name}`}>
                      Tolak
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selectable ? (
        <div
          className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-end gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_6px_rgba(0,0,0,0.05)]"
          data-testid="bulk-bar"
        >
          <p className="w-full text-sm text-slate-700 sm:w-auto sm:self-center" aria-live="polite">
            {count ? `${count} dipilih` : "Belum ada yang dipilih"}
          </p>
          <SubmitButton formAction={verifyAction}>Verifikasi yang dipilih</SubmitButton>
          <div className="w-72">
            <TextField
              label="Alasan penolakan"
              name="reason"
              list="alasan-tolak"
              errors={rState.fieldErrors?.reason}
              hint="Pilih alasan umum atau tulis sendiri; juga untuk tombol Tolak per baris."
            />
            <datalist id="alasan-tolak">
              {REJECTION_REASONS.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </div>
          <SubmitButton formAction={rejectAction} variant="danger">
            Tolak yang dipilih
          </SubmitButton>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Catat nomor KPJ di halaman pekerja, atau sekaligus dari berkas di atas.</p>
      )}
      {vState.fieldErrors?.workerIds || rState.fieldErrors?.workerIds ? (
        <p role="alert" className="text-sm text-red-700">
          Pilih minimal satu pekerja.
        </p>
      ) : null}
    </form>
  );
}

export function RejectForm({ action, workerId }: { action: Action; workerId: number }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="workerIds[]" value={workerId} />
      <div className="w-80">
        <TextField label="Alasan penolakan" name="reason" defaultValue={(state.values?.reason as string) ?? ""} errors={state.fieldErrors?.reason} />
      </div>
      <SubmitButton variant="danger">Tolak</SubmitButton>
      <div className="w-full">
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

type Identity = { nik?: string; name?: string; birthDate?: string; sex?: string };
type CorrectionRow = {
  id: number;
  workerId: number;
  workerName: string;
  districtName: string | null;
  before: Identity;
  changes: Identity;
  requestedBy: string | null;
  requestedAtLabel: string;
};
const IDENTITY_LABELS: [keyof Identity, string][] = [
  ["nik", "NIK"],
  ["name", "Nama"],
  ["birthDate", "Tanggal lahir"],
  ["sex", "Jenis kelamin"],
];

/** One open correction request: what changes (NIK masked), approve, or reject with a note. */
export function CorrectionDecision({ action, row }: { action: Action; row: CorrectionRow }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="space-y-2 border-b border-slate-100 pb-4" data-testid="correction-request" noValidate>
      <input type="hidden" name="requestId" value={row.id} />
      <p className="text-sm">
        <a className="text-brand-700 underline" href={`/workers/${row.workerId}`}>
          {row.workerName}
        </a>{" "}
        · Kec. {row.districtName ?? "—"} · diminta {row.requestedBy ?? "—"}, {row.requestedAtLabel}
      </p>
      <ul className="text-sm">
        {IDENTITY_LABELS.filter(([k]) => row.changes[k] !== undefined).map(([k, label]) => (
          <li key={k}>
            {label}: <span className="line-through">{row.before[k]}</span> → <strong>{row.changes[k]}</strong>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-72">
          <TextField
            label="Catatan keputusan"
            name="note"
            id={`note-${row.id}`}
            defaultValue={(state.values?.note as string) ?? ""}
            errors={state.fieldErrors?.note}
          />
        </div>
        <SubmitButton name="decision" value="setujui">
          Setujui koreksi
        </SubmitButton>
        <SubmitButton name="decision" value="tolak" variant="danger">
          Tolak koreksi
        </SubmitButton>
      </div>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
