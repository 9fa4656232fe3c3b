import { describe, expect, it } from "vitest";
import { parseAuditParams } from "./audit";

describe("parseAuditParams", () => {
  it("keeps what it recognises", () => {
    expect(
      parseAuditParams({ oleh: "0b6e3a58-9a51-4bcb-9d44-6f0d1f1c1a2b", tindakan: "worker.verify", dari: "2026-11-01", sampai: "2026-11-30" }).filter,
    ).toEqual({ actorId: "0b6e3a58-9a51-4bcb-9d44-6f0d1f1c1a2b", action: "worker.verify", from: "2026-11-01", to: "2026-11-30" });
  });
  it.each([
    [{ oleh: "'; drop table" }, { actorId: null }, []],
    [{ tindakan: "auth.login" }, { action: null }, []],
    [{ dari: "2026-02-30" }, { from: null }, ["Tanggal 'dari' tidak valid."]],
    [{ dari: "2026-12-01", sampai: "2026-11-01" }, { from: "2026-12-01", to: "2026-11-01" }, ["Tanggal 'dari' harus sebelum atau sama dengan 'sampai'."]],
  ])("%j", (sp, filter, errors) => {
    const r = parseAuditParams(sp);
    expect(r.filter).toMatchObject(filter);
    expect(r.errors).toEqual(errors);
  });
});
