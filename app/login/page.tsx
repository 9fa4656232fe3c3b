import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Masuk" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const viewer = await getViewer();
  if (viewer) redirect("/dashboard");
  const { next } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-brand-800">Portal Pekerja Rentan</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Pendaftaran pekerja rentan dalam program JKK dan JKM BPJS Ketenagakerjaan.</p>
        <LoginForm next={next} />
      </div>
    </main>
  );
}
