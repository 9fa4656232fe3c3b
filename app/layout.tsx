import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Portal Pekerja Rentan", template: "%s · Portal Pekerja Rentan" },
  description: "Pendaftaran pekerja rentan dalam program JKK dan JKM BPJS Ketenagakerjaan yang iurannya dibayar pemerintah daerah.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="id">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
