import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Portal Pekerja Rentan", template: "%s · Portal Pekerja Rentan" },
  description: "Pendaftaran pekerja rentan dalam program JKK dan JKM BPJS Ketenagakerjaan yang iurannya dibayar pemerintah daerah.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so each carries the nonce of its
  // Content-Security-Policy (proxy.ts); a prerendered page's scripts would have none.
  await headers();
  return (
    <html lang="id">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
