import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "./nav-links";

type Props = {
  user: { name: string; role: string; place: string };
  nav: { href: string; label: string }[];
  logout: () => Promise<void>;
  /** The data-protection officer's contact (UU PDP), a setting. */
  dpoContact: string;
  children: ReactNode;
};

export function AppShell({ user, nav, logout, dpoContact, children }: Props) {
  return (
    <div className="min-h-screen">
      <a href="#konten" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Lompat ke konten
      </a>
      <header className="border-b border-brand-800 bg-brand-700 text-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/dashboard" className="font-semibold">
            Portal Pekerja Rentan
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <div className="text-right" data-testid="viewer-badge">
              <div className="font-medium">{user.name}</div>
              <div className="text-brand-100">
                {user.role} · {user.place}
              </div>
            </div>
            <Link href="/account" className="rounded-md border border-white/40 px-3 py-1.5 hover:bg-white/10">
              Akun
            </Link>
            <form action={logout}>
              <button type="submit" className="rounded-md border border-white/40 px-3 py-1.5 hover:bg-white/10">
                Keluar
              </button>
            </form>
          </div>
        </div>
        {nav.length ? <NavLinks items={nav} /> : null}
      </header>
      <main id="konten" className="mx-auto max-w-6xl px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl space-y-1 px-4 pb-6 text-xs text-slate-600 print:hidden">
        <p data-testid="dpo-contact">{dpoContact}</p>
        <p>Data wilayah: idn-area-data, © kontributor, lisensi ODbL.</p>
      </footer>
    </div>
  );
}
