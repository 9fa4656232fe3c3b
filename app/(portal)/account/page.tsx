import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { OneClickForm } from "@/components/ui/one-click-form";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { listOwnSessions } from "@/lib/data/sessions";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { endOtherSessionsAction } from "./actions";

export const metadata: Metadata = { title: "Akun saya" };

/** A short, readable name for a browser's user agent. */
function browserName(ua: string | null): string {
  if (!ua) return "tidak dikenal";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Chrome\//.test(ua)
      ? "Chrome/Chromium"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Safari\//.test(ua)
          ? "Safari"
          : "Peramban lain";
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return os ? `${browser} di ${os}` : browser;
}

export default async function AccountPage() {
  const viewer = await requireViewer("account.security");
  const sessions = await listOwnSessions(viewer);
  const { SESSION_ABSOLUTE_MINUTES: abs, SESSION_IDLE_MINUTES: idle } = env();
  return (
    <>
      <PageHeader title="Akun saya" description={`${viewer.name} · ${viewer.email}`} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Kata sandi">
          <p className="mb-3 text-sm text-slate-600">Mengganti kata sandi mengakhiri semua sesi lain Anda.</p>
          <Link href="/change-password" className="text-brand-700 underline">
            Ganti kata sandi
          </Link>
        </Card>
        <Card title="Verifikasi dua langkah">
          <p className="mb-3 text-sm text-slate-600" data-testid="mfa-status">
            {viewer.mfaEnabled ? "Aktif: setiap masuk meminta kode dari aplikasi autentikator." : "Belum aktif."}
          </p>
          <Link href="/account/mfa" className="text-brand-700 underline">
            {viewer.mfaEnabled ? "Lihat pengaturan" : "Siapkan sekarang"}
          </Link>
        </Card>
      </div>
      <div className="mt-6">
        <Card title="Sesi aktif">
          <p className="mb-3 text-sm text-slate-600">
            Sesi berakhir {abs / 60} jam setelah masuk, atau setelah {idle} menit tanpa aktivitas. Bila ada sesi yang tidak Anda kenali, akhiri semua sesi lain
            lalu ganti kata sandi.
          </p>
          <Table caption="Sesi aktif" head={["Peramban", "Alamat", "Masuk", "Terakhir aktif", "Berakhir paling lambat"]}>
            {sessions.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <Td>
                  {browserName(s.userAgent)}
                  {s.current ? <span className="ml-2 rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-800">sesi ini</span> : null}
                </Td>
                <Td>{s.ip ?? "—"}</Td>
                <Td>{formatDateTime(s.createdAt)}</Td>
                <Td>{formatDateTime(s.lastSeenAt)}</Td>
                <Td>{formatDateTime(s.expiresAt)}</Td>
              </tr>
            ))}
          </Table>
          <div className="mt-4">
            <OneClickForm action={endOtherSessionsAction} fields={{}} label="Akhiri semua sesi lain" variant="danger" />
          </div>
        </Card>
      </div>
    </>
  );
}
