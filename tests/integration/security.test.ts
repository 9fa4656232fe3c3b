// Login, second factor and sessions (issue 14, items 4–8) against the real database.
import { inject } from "vitest";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "@/db/connection";
import { unseal } from "@/lib/auth/seal";
import { currentTotp } from "@/lib/auth/totp";
import { argon2Load, ARGON2_CONCURRENCY } from "@/lib/auth/password";
import { accountDelayMs, completeLogin, MAX_FAILURES_PER_PAIR, passwordStep } from "@/lib/data/login";
import { confirmMfaSetup, getMfaSetup, startMfaSetup } from "@/lib/data/mfa";
import { endOtherSessions, endOwnSession, listOwnSessions } from "@/lib/data/sessions";
import { changeOwnPassword, createUser, resetUserMfa } from "@/lib/data/users";
import { loadViewer, viewerOfSession } from "@/lib/data/viewer";
import { viewerFor } from "../support/viewers";

import { claimNikNamespace } from "../support/workers";

claimNikNamespace(11);

const sql = connect(inject("databaseUrl"), 2).sql;
afterAll(() => sql.end({ timeout: 5 }));

const DEMO = "rentan-demo-2026";
let n = 0;
const uniq = (p: string) => `${p}.${Date.now()}.${++n}@portal.test`;

/** A petugas (no second factor required) with a known password, as the admin makes one. */
async function officer(password = "kopi-hujan-sepeda-lampu") {
  const admin = await viewerFor("admin@portal.test");
  const email = uniq("sec");
  const { id } = await createUser(admin, { name: "Uji Keamanan", email, role: "petugas", regencyCode: "36.71" });
  const { hashPassword } = await import("@/lib/auth/password");
  await sql`update users set password_hash = ${await hashPassword(password)}, must_change_password = false, password_expires_at = null where id = ${id}`;
  return { id, email, password };
}

async function loginFully(email: string, password: string, opts: { ip?: string; device?: string | null; code?: string } = {}) {
  const step = await passwordStep({ email, password, ip: opts.ip ?? "10.1.1.1", deviceId: opts.device ?? null });
  if (step.kind !== "ok") return step;
  return completeLogin({ token: step.token, code: opts.code ?? null, ip: opts.ip ?? "10.1.1.1", userAgent: "vitest", deviceId: opts.device ?? null });
}

async function secretOf(userId: string) {
  const [u] = await sql<{ s: string }[]>`select totp_secret as s from users where id = ${userId}`;
  return unseal(u!.s);
}

describe("password step and throttle", () => {
  it("opens a server-side session after the right password, audited; the same answer for a wrong password and an unknown email", async () => {
    const u = await officer();
    expect(await passwordStep({ email: u.email, password: "salah-salah-salah", ip: "10.1.1.2", deviceId: null })).toEqual({ kind: "wrong" });
    expect(await passwordStep({ email: uniq("tidakada"), password: u.password, ip: "10.1.1.2", deviceId: null })).toEqual({ kind: "wrong" });
    const out = await loginFully(u.email, u.password);
    expect(out.kind).toBe("ok");
    if (out.kind !== "ok") return;
    const v = await viewerOfSession(out.user.sessionId, u.id, out.user.sessionVersion);
    expect(v).toMatchObject({ id: u.id, sessionId: out.user.sessionId, mustEnrolMfa: false });
    const [audit] = await sql`select count(*)::int as n from audit_log where action = 'auth.login' and actor_id = ${u.id}`;
    expect(audit!.n).toBe(1);
  });

  it("counts parallel guesses at once: of 30 at the same moment at most 10 reach the password check", async () => {
    const u = await officer();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => passwordStep({ email: u.email, password: `tebakan-${i}`, ip: "10.2.2.2", deviceId: null })),
    );
    const wrong = results.filter((r) => r.kind === "wrong").length;
    expect(wrong).toBeLessThanOrEqual(MAX_FAILURES_PER_PAIR);
    expect(results.filter((r) => r.kind === "blocked").length).toBe(30 - wrong);
    // The right password from the same address is refused too, until the window passes.
    expect(await passwordStep({ email: u.email, password: u.password, ip: "10.2.2.2", deviceId: null })).toEqual({ kind: "blocked" });
  });

  it("never runs more than ARGON2_CONCURRENCY hashes at once in a process", async () => {
    const u = await officer();
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, argon2Load().active)), 1);
    await Promise.all(Array.from({ length: 12 }, (_, i) => passwordStep({ email: u.email, password: `x-${i}`, ip: `10.3.3.${i}`, deviceId: null })));
    clearInterval(timer);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(ARGON2_CONCURRENCY);
  });

  it("lets a known device in while others' guesses lock the account for unknown ones", async () => {
    const u = await officer();
    const device = "perangkat-dikenal-0123456789abcdefghijklmnopq";
    expect((await loginFully(u.email, u.password, { device, ip: "10.4.4.4" })).kind).toBe("ok");
    // An attacker's 60 failures from many addresses in the last minutes.
    await sql`insert into login_attempts (email, ip, succeeded, device_known, attempted_at)
      select ${u.email}, '172.16.0.' || i, false, false, now() - interval '2 minutes' from generate_series(1, 60) i`;
    expect(await passwordStep({ email: u.email, password: u.password, ip: "10.4.4.5", deviceId: null })).toEqual({ kind: "blocked" });
    expect(await passwordStep({ email: u.email, password: u.password, ip: "10.4.4.5", deviceId: "perangkat-lain-0123456789abcdefghijklmnopqrs" })).toEqual({
      kind: "blocked",
    });
    const known = await loginFully(u.email, u.password, { device, ip: "10.4.4.4" });
    expect(known.kind).toBe("ok");
  });

  it("slows an account under attack from many addresses, growing to 8 seconds", () => {
    expect(accountDelayMs(9)).toBe(0);
    expect(accountDelayMs(10)).toBe(500);
    expect(accountDelayMs(12)).toBe(2000);
    expect(accountDelayMs(40)).toBe(8000);
  });

  it("refuses a one-time password after 72 hours", async () => {
    const admin = await viewerFor("admin@portal.test");
    const email = uniq("otp");
    const { id, oneTimePassword } = await createUser(admin, { name: "Sandi Sementara", email, role: "petugas", regencyCode: "36.71" });
    const [row] = await sql<{ h: number }[]>`select extract(epoch from password_expires_at - now()) / 3600 as h from users where id = ${id}`;
    expect(Number(row!.h)).toBeGreaterThan(71.9);
    expect(Number(row!.h)).toBeLessThanOrEqual(72);
    expect((await passwordStep({ email, password: oneTimePassword, ip: "10.5.5.5", deviceId: null })).kind).toBe("ok");
    await sql`update users set password_expires_at = now() - interval '1 minute' where id = ${id}`;
    expect(await passwordStep({ email, password: oneTimePassword, ip: "10.5.5.5", deviceId: null })).toEqual({ kind: "expired" });
  });
});

describe("second factor", () => {
  it("asks the seeded supervisor for a code, takes the current one once, refuses its replay", async () => {
    const sup = await viewerFor("supervisor.kotatangerang@portal.test");
    expect(sup).toMatchObject({ mfaEnabled: true, mustEnrolMfa: false });
    const step = await passwordStep({ email: sup.email, password: DEMO, ip: "10.6.6.6", deviceId: null });
    expect(step).toMatchObject({ kind: "ok", needsCode: true });
    if (step.kind !== "ok") return;
    expect(await completeLogin({ token: step.token, code: null, ip: "10.6.6.6", userAgent: null, deviceId: null })).toEqual({ kind: "wrong_code" });
    expect(await completeLogin({ token: step.token, code: "000000", ip: "10.6.6.6", userAgent: null, deviceId: null })).toEqual({ kind: "wrong_code" });
    const code = await currentTotp(await secretOf(sup.id));
    const ok = await completeLogin({ token: step.token, code, ip: "10.6.6.6", userAgent: null, deviceId: null });
    expect(ok.kind).toBe("ok");
    // The challenge is spent, and the same code in a new challenge is a replay.
    expect(await completeLogin({ token: step.token, code, ip: "10.6.6.6", userAgent: null, deviceId: null })).toEqual({ kind: "expired" });
    const again = await passwordStep({ email: sup.email, password: DEMO, ip: "10.6.6.6", deviceId: null });
    if (again.kind !== "ok") throw new Error("expected ok");
    expect(await completeLogin({ token: again.token, code, ip: "10.6.6.6", userAgent: null, deviceId: null })).toEqual({ kind: "wrong_code" });
  });

  it("ends a challenge after five wrong codes", async () => {
    const sup = await viewerFor("supervisor.kabtangerang@portal.test");
    const step = await passwordStep({ email: sup.email, password: DEMO, ip: "10.7.7.7", deviceId: null });
    if (step.kind !== "ok") throw new Error("expected ok");
    for (let i = 0; i < 5; i++) {
      expect((await completeLogin({ token: step.token, code: `11111${i}`, ip: "10.7.7.7", userAgent: null, deviceId: null })).kind).toBe("wrong_code");
    }
    const code = await currentTotp(await secretOf(sup.id));
    expect(await completeLogin({ token: step.token, code, ip: "10.7.7.7", userAgent: null, deviceId: null })).toEqual({ kind: "expired" });
  });

  it("enrols with a typed code, gives ten recovery codes that each work once; the admin's reset is audited and ends sessions", async () => {
    const admin = await viewerFor("admin@portal.test");
    const email = uniq("mfa");
    const { id } = await createUser(admin, { name: "Supervisor Baru", email, role: "supervisor", regencyCode: "36.03" });
    const { hashPassword } = await import("@/lib/auth/password");
    await sql`update users set password_hash = ${await hashPassword("kopi-hujan-sepeda-lampu")}, must_change_password = false where id = ${id}`;
    let v = (await loadViewer(id, (await sql`select session_version as sv from users where id = ${id}`)[0]!.sv))!;
    expect(v.mustEnrolMfa).toBe(true);

    await startMfaSetup(v);
    const setup = await getMfaSetup(v);
    expect(setup.pending?.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect(confirmMfaSetup(v, "123456")).rejects.toMatchObject({ fieldErrors: { code: [expect.stringContaining("Kode tidak cocok")] } });
    const codes = await confirmMfaSetup(v, await currentTotp(await secretOf(id)));
    expect(codes).toHaveLength(10);
    const stored = await sql`select code_hash from mfa_recovery_codes where user_id = ${id}`;
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.code_hash)).not.toContain(codes[0]);
    v = (await loadViewer(id, v.id ? (await sql`select session_version as sv from users where id = ${id}`)[0]!.sv : 0))!;
    expect(v).toMatchObject({ mfaEnabled: true, mustEnrolMfa: false });

    const byRecovery = await loginFully(email, "kopi-hujan-sepeda-lampu", { code: codes[3]!.toUpperCase(), ip: "10.8.8.8" });
    expect(byRecovery.kind).toBe("ok");
    expect((await loginFully(email, "kopi-hujan-sepeda-lampu", { code: codes[3], ip: "10.8.8.8" })).kind).toBe("wrong_code");
    const used = await sql`select count(*)::int as n from audit_log where action = 'auth.mfa_recovery_used' and actor_id = ${id}`;
    expect(used[0]!.n).toBe(1);

    if (byRecovery.kind !== "ok") return;
    await resetUserMfa(admin, id);
    expect(await viewerOfSession(byRecovery.user.sessionId, id, byRecovery.user.sessionVersion)).toBeNull();
    const [after] =
      await sql`select totp_secret, totp_enabled_at, (select count(*)::int from mfa_recovery_codes where user_id = ${id}) as codes from users where id = ${id}`;
    expect(after).toMatchObject({ totp_secret: null, totp_enabled_at: null, codes: 0 });
    const audit = await sql`select count(*)::int as n from audit_log where action = 'user.reset_mfa' and entity_id = ${id} and actor_id = ${admin.id}`;
    expect(audit[0]!.n).toBe(1);
  });
});

describe("sessions", () => {
  it("has an absolute end that use does not extend, an idle timeout, and ends at logout", async () => {
    const u = await officer();
    const out = await loginFully(u.email, u.password);
    if (out.kind !== "ok") throw new Error("expected ok");
    const sid = out.user.sessionId;
    const [s] = await sql<
      { secs: string; expires_at: string }[]
    >`select extract(epoch from expires_at - created_at)::text as secs, expires_at::text from user_sessions where id = ${sid}`;
    expect(Number(s!.secs)).toBe(8 * 3600);

    // Use refreshes last_seen_at only.
    await sql`update user_sessions set last_seen_at = now() - interval '5 minutes' where id = ${sid}`;
    expect(await viewerOfSession(sid, u.id, out.user.sessionVersion)).not.toBeNull();
    const [t] = await sql<
      { expires_at: string; fresh: boolean }[]
    >`select expires_at::text, last_seen_at > now() - interval '1 minute' as fresh from user_sessions where id = ${sid}`;
    expect(t).toMatchObject({ expires_at: s!.expires_at, fresh: true });

    // Idle for 31 minutes: refused, and ended.
    await sql`update user_sessions set last_seen_at = now() - interval '31 minutes' where id = ${sid}`;
    expect(await viewerOfSession(sid, u.id, out.user.sessionVersion)).toBeNull();
    const [ended] = await sql`select end_reason from user_sessions where id = ${sid}`;
    expect(ended!.end_reason).toBe("tidak_aktif");

    // Past its absolute end: refused however fresh.
    const second = await loginFully(u.email, u.password);
    if (second.kind !== "ok") throw new Error("expected ok");
    await sql`update user_sessions set expires_at = now() - interval '1 second' where id = ${second.user.sessionId}`;
    expect(await viewerOfSession(second.user.sessionId, u.id, second.user.sessionVersion)).toBeNull();

    // Logout.
    const third = await loginFully(u.email, u.password);
    if (third.kind !== "ok") throw new Error("expected ok");
    const v = (await viewerOfSession(third.user.sessionId, u.id, third.user.sessionVersion))!;
    await endOwnSession(v);
    expect(await viewerOfSession(third.user.sessionId, u.id, third.user.sessionVersion)).toBeNull();
  });

  it("lists one's sessions, ends all others on request and on a password change, keeping this one", async () => {
    const u = await officer();
    const logins = [];
    for (let i = 0; i < 3; i++) {
      const out = await loginFully(u.email, u.password, { ip: `10.9.9.${i}` });
      if (out.kind !== "ok") throw new Error("expected ok");
      logins.push(out.user);
    }
    const me = (await viewerOfSession(logins[0]!.sessionId, u.id, logins[0]!.sessionVersion))!;
    const listed = await listOwnSessions(me);
    expect(listed).toHaveLength(3);
    expect(listed.filter((s) => s.current).map((s) => s.id)).toEqual([me.sessionId]);
    expect(await endOtherSessions(me)).toBe(2);
    expect(await viewerOfSession(logins[1]!.sessionId, u.id, logins[1]!.sessionVersion)).toBeNull();
    expect(await viewerOfSession(logins[0]!.sessionId, u.id, logins[0]!.sessionVersion)).not.toBeNull();

    const other = await loginFully(u.email, u.password);
    if (other.kind !== "ok") throw new Error("expected ok");
    await expect(changeOwnPassword(me, u.password, "indonesia1945")).rejects.toMatchObject({
      fieldErrors: { newPassword: [expect.stringMatching(/^Kata sandi ini terlalu mudah ditebak/)] },
    });
    await changeOwnPassword(me, u.password, "Tujuh ekor kucing makan tahu");
    expect(await viewerOfSession(other.user.sessionId, u.id, other.user.sessionVersion)).toBeNull();
    expect(await viewerOfSession(logins[0]!.sessionId, u.id, logins[0]!.sessionVersion)).not.toBeNull();
  });
});

describe("NIK that stays hidden", () => {
  it("audits every NIK search, hit or miss, masked, and stops a user at 30 an hour", async () => {
    const { findWorkerByNikForViewer, listWorkersForViewer } = await import("@/lib/data/workers");
    const u = await officer();
    const out = await loginFully(u.email, u.password);
    if (out.kind !== "ok") throw new Error("expected ok");
    const v = (await viewerOfSession(out.user.sessionId, u.id, out.user.sessionVersion))!;
    const [w] = (await listWorkersForViewer(v, { status: "aktif" })).rows;
    const [row] = await sql<{ nik: string }[]>`select nik from workers where id = ${w!.id}`;
    const nik = row!.nik;
    expect(await findWorkerByNikForViewer(v, nik)).toBe(w!.id);
    await expect(findWorkerByNikForViewer(v, "3671010101010009")).rejects.toMatchObject({ fieldErrors: { nik: ["NIK tidak ditemukan di wilayah Anda."] } });
    const audit = await sql`select entity_type, entity_id, details from audit_log where actor_id = ${u.id} and action = 'worker.nik_search' order by id`;
    expect(audit).toEqual([
      { entity_type: "worker", entity_id: String(w!.id), details: { nik: `${nik.slice(0, 6)}••••••••••`, hit: true } },
      { entity_type: "nik_search", entity_id: u.id, details: { nik: "367101••••••••••", hit: false } },
    ]);
    // 28 more in parallel reach 30; the 31st is refused with the time it frees up, and audited too.
    await Promise.allSettled(Array.from({ length: 28 }, () => findWorkerByNikForViewer(v, "3671010101010009")));
    await expect(findWorkerByNikForViewer(v, nik)).rejects.toMatchObject({
      fieldErrors: { nik: [expect.stringMatching(/^Batas pencarian NIK tercapai \(30 kali per jam\)\. Coba lagi setelah \d+ \w+ \d{4}, \d{2}\.\d{2} WIB\.$/)] },
    });
    const [counts] =
      await sql`select count(*) filter (where not details ? 'limited')::int as searched, count(*) filter (where details ? 'limited')::int as limited
      from audit_log where actor_id = ${u.id} and action = 'worker.nik_search'`;
    expect(counts).toEqual({ searched: 30, limited: 1 });
  });

  it("shows admin and Kanwil the age instead of the birth date, and every NIK with its six region digits only", async () => {
    const { getWorkerForViewer, listWorkersForViewer } = await import("@/lib/data/workers");
    const kanwil = await viewerFor("kakanwil.banten@portal.test");
    const officerKota = await viewerFor("petugas.kotatangerang@portal.test");
    const [w] = (await listWorkersForViewer(officerKota, { status: "aktif" })).rows;
    expect(w!.nik).toMatch(/^3671\d{2}••••••••••$/);
    const seenByKanwil = await getWorkerForViewer(kanwil, w!.id);
    const seenByOfficer = await getWorkerForViewer(officerKota, w!.id);
    expect(seenByKanwil.birthDate).toBeNull();
    expect(seenByKanwil.ageYears).toBe(seenByOfficer.ageYears);
    expect(seenByOfficer.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(seenByKanwil.nikMasked).toMatch(/^\d{6}••••••••••$/);
    expect(seenByKanwil.heirs.every((h) => h.birthDate === null)).toBe(true);
  });
});

describe("files and requests", () => {
  it("serves an uploaded document as an attachment under a CSP that forbids everything", async () => {
    const { fileStore, pdfResponse } = await import("@/lib/storage");
    async function* body() {
      yield Buffer.from("%PDF-1.4\n<script>alert(1)</script>\n%%EOF\n");
    }
    const stored = await fileStore().put({ kind: "regulation_document", contentType: "application/pdf", createdBy: null }, body());
    const res = (await pdfResponse(stored.id, "perwal <b>.pdf"))!;
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("the KPJ file checks every date before writing; a bad or future date is that row's message, the good rows are recorded", async () => {
    const { registerWorker, recordKpjNumbers, verifyWorkers, getWorkerForViewer } = await import("@/lib/data/workers");
    const { firstVillageOf } = await import("../support/areas");
    const { workerInput } = await import("../support/workers");
    const kotaOfficer = await viewerFor("petugas.kotatangerang@portal.test");
    const kacab = await viewerFor("kacab.cikokol@portal.test");
    const village = await firstVillageOf("36.71.01");
    const people = [];
    for (let i = 0; i < 3; i++) people.push(workerInput({ districtCode: "36.71.01", villageCode: village }));
    const ids = [];
    for (const p of people) ids.push((await registerWorker(kotaOfficer, p)).id);
    await verifyWorkers(kacab, ids);
    const stamp = String(Date.now()).slice(-9);
    const kpj = (i: number) => `D${stamp}${i}`;
    const results = await recordKpjNumbers(kacab, [
      { line: 2, nik: people[0]!.nik, kpj: kpj(0), coverageStart: "2026-02-30" },
      { line: 3, nik: people[1]!.nik, kpj: kpj(1), coverageStart: "2026-11-25" },
      { line: 4, nik: people[2]!.nik, kpj: kpj(2), coverageStart: "2026-11-20" },
    ]);
    expect(results).toEqual([
      { line: 2, ok: false, message: "Tanggal mulai harus tanggal yang ada, YYYY-MM-DD." },
      { line: 3, ok: false, message: "Tanggal mulai tidak boleh setelah hari ini." },
      { line: 4, ok: true, message: `KPJ ${kpj(2)} dicatat.` },
    ]);
    expect((await getWorkerForViewer(kotaOfficer, ids[0]!)).status).toBe("diverifikasi");
    expect((await getWorkerForViewer(kotaOfficer, ids[2]!)).status).toBe("aktif");
  });
});

describe("exports", () => {
  it("stream from a cursor, one at a time per user, and name every exported person in their processing record", async () => {
    const { exportWorkersForViewer, getProcessingRecordForViewer } = await import("@/lib/data/workers");
    const sup = await viewerFor("supervisor.kotatangerang@portal.test");
    const first = await exportWorkersForViewer(sup, { status: "aktif" });
    expect(first.count).toBeGreaterThan(0);
    await expect(exportWorkersForViewer(sup, { status: "aktif" })).rejects.toMatchObject({ status: 429, message: expect.stringContaining("masih berjalan") });
    // Every export kind shares the slot: the bill export waits too.
    const { exportBillForViewer, listBillsForViewer } = await import("@/lib/data/billing");
    const [bill] = (await listBillsForViewer(sup)) as { id: number }[];
    expect(bill).toBeDefined();
    await expect(exportBillForViewer(sup, bill!.id)).rejects.toMatchObject({ status: 429 });
    // Another user is not held by this one's export.
    const other = await exportWorkersForViewer(await viewerFor("petugas.kotatangerang@portal.test"), { status: "draft" });
    await other.close();
    const got = [];
    for await (const b of first.batches) got.push(...b);
    expect(got).toHaveLength(first.count);
    expect(got.every((r) => r.status === "aktif" && /^\d{16}$/.test(r.nik))).toBe(true);
    // Done: the next export goes through.
    const again = await exportWorkersForViewer(sup, { status: "aktif" });
    await again.close();

    const [w] = await sql<{ id: number }[]>`select id from workers where nik = ${got[0]!.nik} and status = 'aktif'`;
    const record = await getProcessingRecordForViewer(sup, w!.id);
    expect(record.audit.filter((a) => a.action === "worker.export").length).toBeGreaterThanOrEqual(2);
    const [audit] = await sql`select details from audit_log where action = 'worker.export' and actor_id = ${sup.id} order by id desc limit 1`;
    expect(audit!.details).toMatchObject({ filter: { status: "aktif" }, rows: first.count });
  });

  it("stream at most EXPORT_STREAMS at once across instances (each holds a connection for its download); beyond, a clear 429 that writes no audit row", async () => {
    const { exportWorkersForViewer } = await import("@/lib/data/workers");
    const { env } = await import("@/lib/env");
    const sup = await viewerFor("supervisor.kotatangerang@portal.test");
    const audits = async () => (await sql`select count(*)::int as n from audit_log where action = 'worker.export' and actor_id = ${sup.id}`)[0]!.n as number;
    // Other instances' downloads, standing in: every stream slot but one taken on another connection.
    const others = await sql.reserve();
    try {
      await others`begin`;
      await others`select pg_advisory_xact_lock(hashtext('export-stream'), n) from generate_series(0, ${env().EXPORT_STREAMS - 2}::int) n`;
      const last = await exportWorkersForViewer(await viewerFor("petugas.kotatangerang@portal.test"), { status: "draft" });
      const before = await audits();
      await expect(exportWorkersForViewer(sup, { status: "aktif" })).rejects.toMatchObject({
        status: 429,
        message: "Terlalu banyak unduhan data pekerja sedang berjalan di server. Coba lagi dalam beberapa menit.",
      });
      expect(await audits()).toBe(before);
      // A download ends: its slot is free for the next.
      await last.close();
      const next = await exportWorkersForViewer(sup, { status: "aktif" });
      expect(await audits()).toBe(before + 1);
      await next.close();
    } finally {
      await others`rollback`.catch(() => {});
      others.release();
    }
  });
});

describe("retention", () => {
  it("anonymises enrollments ended over 5 years ago (keyed NIK hash, heirs gone, counts kept), not while a child may still claim; re-registration still finds them", async () => {
    const { registerWorker, endWorker, getWorkerForViewer } = await import("@/lib/data/workers");
    const { anonymiseEndedWorkers } = await import("@/lib/data/jobs/retention");
    const { keyedHash } = await import("@/lib/auth/seal");
    const { firstVillageOf } = await import("../support/areas");
    const { workerInput } = await import("../support/workers");
    const kota = await viewerFor("petugas.kotatangerang@portal.test");
    const kab = await viewerFor("petugas.kabtangerang@portal.test");
    const village = await firstVillageOf("36.71.02");
    const gone = workerInput({ districtCode: "36.71.02", villageCode: village });
    const kept = workerInput({ districtCode: "36.71.02", villageCode: village });
    const a = await registerWorker(kota, { ...gone, intent: "draft" });
    const b = await registerWorker(kota, { ...kept, intent: "draft" });
    await endWorker(kota, a.id, "pindah_domisili", "2026-11-24");
    await endWorker(kota, b.id, "meninggal", "2026-11-24");
    // Six years on: the same as ending on these days in 2020.
    await sql`update workers set ended_on = '2020-11-20' where id in (${a.id}, ${b.id})`;
    // b died leaving a child of 10: an education benefit may still be claimed.
    await sql`insert into worker_heirs (worker_id, name, relationship, birth_date) values (${b.id}, 'Anak Kecil', 'anak', '2016-05-01')`;
    const agg = async () => (await sql`select coalesce(sum(n), 0)::int as n from agg_current where regency_code = '36.71'`)[0]!.n;
    const before = await agg();

    expect(await anonymiseEndedWorkers()).toBeGreaterThanOrEqual(1);
    const [row] =
      await sql`select name, address, phone, nik, nik_hash, anonymised_at is not null as anon, status, birth_date::text as birth from workers where id = ${a.id}`;
    expect(row).toMatchObject({
      name: "Data dianonimkan",
      address: "",
      phone: "",
      nik: "0000000000000000",
      nik_hash: keyedHash(gone.nik, "nik"),
      anon: true,
      status: "berakhir",
      birth: gone.birthDate,
    });
    expect((await sql`select count(*)::int as n from worker_heirs where worker_id = ${a.id}`)[0]!.n).toBe(0);
    expect((await sql`select count(*)::int as n from audit_log where action = 'worker.anonymise' and entity_id = ${String(a.id)}`)[0]!.n).toBe(1);
    expect((await sql`select anonymised_at from workers where id = ${b.id}`)[0]!.anonymised_at).toBeNull();
    expect(await agg()).toBe(before);
    // A second run finds nothing new for a.
    await anonymiseEndedWorkers();
    expect((await sql`select count(*)::int as n from audit_log where action = 'worker.anonymise' and entity_id = ${String(a.id)}`)[0]!.n).toBe(1);

    // The person registers again elsewhere: the earlier (anonymised) enrollment is found by the hash.
    const again = await registerWorker(kab, {
      ...gone,
      ...workerInput({ districtCode: "36.03.01", villageCode: await firstVillageOf("36.03.01") }),
      nik: gone.nik,
      birthDate: gone.birthDate,
      sex: gone.sex,
      intent: "draft",
    });
    const w = await getWorkerForViewer(kab, again.id);
    expect(w.events.at(-1)?.reason).toBe("Didaftarkan; pindahan dari Kota Tangerang");
  });
});
