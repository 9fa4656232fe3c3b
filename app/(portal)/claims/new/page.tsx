import type { Metadata } from "next";
import { OpenClaimForm } from "@/components/claims/forms";
import { Card, PageHeader } from "@/components/ui/card";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { today as clockToday } from "@/lib/clock";
import { getDeathForViewer, getWorkerForViewer } from "@/lib/data/workers";
import { dayLabel } from "@/lib/domain/wib";
import { openClaimAction } from "../actions";

export const metadata: Metadata = { title: "Buka kasus klaim" };

/** A claim case for one worker (the worker id, never personal data, is in the address). */
export default async function NewClaimPage({ searchParams }: { searchParams: Promise<{ pekerja?: string }> }) {
  const viewer = await requireViewer("claims.open");
  const workerId = idParam((await searchParams).pekerja ?? "");
  const [w, death, today] = await Promise.all([orNotFound(getWorkerForViewer(viewer, workerId)), getDeathForViewer(viewer, workerId), clockToday()]);
  return (
    <>
      <PageHeader
        title="Buka kasus klaim"
        description={`${w.name} · ${w.regencyName}${death ? ` · meninggal ${dayLabel(death.diedOn)}` : ""}. Perlindungan pada tanggal kejadian dihitung dari bulan iuran yang dibayar.`}
      />
      <Card>
        <OpenClaimForm action={openClaimAction} workerId={w.id} today={today} deathOn={death?.diedOn ?? null} />
      </Card>
    </>
  );
}
