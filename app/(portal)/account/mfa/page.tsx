import type { Metadata } from "next";
import { MfaConfirmForm } from "@/components/account/mfa-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { OneClickForm } from "@/components/ui/one-click-form";
import { requireViewer } from "@/lib/auth/viewer";
import { getMfaSetup } from "@/lib/data/mfa";
import { formatDateTime } from "@/lib/format";
import { confirmMfaAction, startMfaAction } from "../actions";

export const metadata: Metadata = { title: "Verifikasi dua langkah" };

export default async function MfaPage() {
  const viewer = await requireViewer("account.security", { allowMfaSetup: true });
  const setup = await getMfaSetup(viewer);
  return (
    <>
      <PageHeader
        title="Verifikasi dua langkah"
        description={
          setup.required
            ? "Peran Anda menyetujui data, mengonfirmasi uang atau melihat data satu provinsi: setiap masuk wajib memakai kode dari aplikasi autentikator."
            : "Tambahkan kode dari aplikasi autentikator saat masuk, agar kata sandi yang bocor saja tidak cukup."
        }
      />
      {setup.enabledAt ? (
        <Card title="Aktif">
          <p className="text-sm text-slate-700" data-testid="mfa-enabled">
            Aktif sejak {formatDateTime(setup.enabledAt)}. Sisa kode pemulihan: {setup.recoveryCodesLeft} dari 10.
          </p>
          <p className="mt-2 text-sm text-slate-600">Ponsel hilang atau diganti? Minta admin mengatur ulang autentikator Anda; lalu siapkan lagi di sini.</p>
        </Card>
      ) : setup.pending ? (
        <Card title="Pindai kode QR">
          <ol className="mb-4 list-decimal space-y-1 pl-5 text-sm text-slate-700">
            <li>Buka aplikasi autentikator (Google Authenticator, Microsoft Authenticator, Aegis, 2FAS, atau sejenisnya).</li>
            <li>Tambah akun baru, lalu pindai kode QR ini, atau ketik kuncinya.</li>
            <li>Ketik 6 angka yang tampil untuk memastikan.</li>
          </ol>
          <div className="flex flex-wrap items-start gap-6">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: SVG drawn on the server */}
            <img src={setup.pending.qrDataUrl} alt="Kode QR untuk aplikasi autentikator" width={180} height={180} className="border border-slate-200" />
            <div className="space-y-4">
              <p className="text-sm">
                Kunci (bila tidak dapat memindai):{" "}
                <code className="font-mono text-sm" data-testid="totp-key">
                  {setup.pending.secretGroups}
                </code>
              </p>
              <MfaConfirmForm action={confirmMfaAction} />
            </div>
          </div>
        </Card>
      ) : (
        <Card title="Siapkan">
          <p className="mb-3 text-sm text-slate-700">Anda memerlukan aplikasi autentikator di ponsel.</p>
          <OneClickForm action={startMfaAction} fields={{}} label="Mulai penyiapan" variant="primary" />
        </Card>
      )}
    </>
  );
}
