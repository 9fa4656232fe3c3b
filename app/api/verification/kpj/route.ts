import { NextResponse } from "next/server";
import { authorizedRoute } from "@/lib/auth/route";
import { recordKpjNumbers } from "@/lib/data/workers";
import { MAX_KPJ_BYTES, parseKpjFile } from "@/lib/imports/kpj";
import { readLimitedBody } from "@/lib/storage";

/** Upload of a NIK → KPJ file (lib/imports/kpj.ts); answers with a result per row. */
export const POST = authorizedRoute(
  "workers.verify",
  async (req, { viewer }) => {
    const rows = await parseKpjFile(await readLimitedBody(req.body, MAX_KPJ_BYTES, "Berkas lebih dari 5 MB."));
    const results = await recordKpjNumbers(viewer, rows);
    const ok = results.filter((r) => r.ok).length;
    return NextResponse.json({ message: `${ok} dari ${results.length} baris dicatat.`, results });
  },
  // The upload form always sends text/csv; text/plain (what a cross-site form can send) is refused.
  { accepts: ["text/csv"] },
);
