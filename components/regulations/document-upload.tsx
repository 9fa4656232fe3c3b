"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { FormMessage } from "@/components/ui/form-message";

/** Sends the PDF to the streaming upload route (server actions cap bodies at 1 MB). */
export function DocumentUpload({
  regulationId,
  amendmentId,
  label = "Dokumen bertanda tangan (PDF, maks. 10 MB)",
  url,
  accept = "application/pdf,.pdf",
  inputId,
}: {
  regulationId?: number;
  amendmentId?: number;
  label?: string;
  /** Where the PDF goes; default the regulation's (or amendment's) document route. */
  url?: string;
  /** The file picker's filter (the server sniffs the bytes whatever it says). */
  accept?: string;
  /** When several uploads share a page. */
  inputId?: string;
}) {
  const router = useRouter();
  const [state, setState] = useState<{ status: "idle" | "success" | "error"; message?: string }>({ status: "idle" });
  const [busy, setBusy] = useState(false);
  async function onSubmit(ev: React.FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const file = (ev.currentTarget.elements.namedItem("document") as HTMLInputElement).files?.[0];
    if (!file) return setState({ status: "error", message: "Pilih berkasnya terlebih dahulu." });
    setBusy(true);
    try {
      const res = await fetch(url ?? `/api/regulations/${regulationId}/document${amendmentId ? `?amendment=${amendmentId}` : ""}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": file.type || "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) },
      });
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      setState({ status: res.ok ? "success" : "error", message: body.message ?? (res.ok ? "Tersimpan." : "Unggah gagal.") });
      if (res.ok) router.refresh();
    } catch {
      setState({ status: "error", message: "Unggah gagal: periksa koneksi lalu coba lagi." });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <label htmlFor={inputId ?? `f-document-${amendmentId ?? "main"}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input id={inputId ?? `f-document-${amendmentId ?? "main"}`} name="document" type="file" accept={accept} className="block text-sm" />
      <button type="submit" disabled={busy} className={buttonClass("secondary")}>
        {busy ? "Mengunggah…" : "Unggah dokumen"}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
