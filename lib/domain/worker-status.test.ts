import { describe, expect, it } from "vitest";
import { canMoveWorker, HOLDS_PLACE, isLive, WORKER_STATUSES, type WorkerStatus } from "./worker-status";

// Written out independently of the implementation: every allowed move, everything else refused.
const ALLOWED = new Set([
  "draft>menunggu_persetujuan",
  "draft>diajukan",
  "draft>daftar_tunggu",
  "draft>berakhir",
  "menunggu_persetujuan>diajukan",
  "menunggu_persetujuan>daftar_tunggu",
  "menunggu_persetujuan>draft",
  "menunggu_persetujuan>berakhir",
  "daftar_tunggu>diajukan",
  "daftar_tunggu>berakhir",
  "diajukan>diverifikasi",
  "diajukan>ditolak",
  "diajukan>berakhir",
  "diajukan>daftar_tunggu",
  "diverifikasi>aktif",
  "diverifikasi>ditolak",
  "diverifikasi>berakhir",
  "diverifikasi>daftar_tunggu",
  "aktif>berakhir",
  "aktif>daftar_tunggu",
  "ditolak>draft",
  "ditolak>diajukan",
  "ditolak>daftar_tunggu",
  "ditolak>menunggu_persetujuan",
  "ditolak>berakhir",
]);

describe("worker state machine", () => {
  for (const from of WORKER_STATUSES) {
    for (const to of WORKER_STATUSES) {
      const ok = ALLOWED.has(`${from}>${to}`);
      it(`${from} → ${to}: ${ok ? "allowed" : "refused"}`, () => {
        expect(canMoveWorker(from as WorkerStatus, to as WorkerStatus)).toBe(ok);
      });
    }
  }
  it("knows which statuses hold a place and which are live", () => {
    expect([...HOLDS_PLACE]).toEqual(["diajukan", "diverifikasi", "aktif"]);
    expect(WORKER_STATUSES.filter((s) => !isLive(s))).toEqual(["berakhir"]);
  });
});
