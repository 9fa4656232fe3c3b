import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz/permissions";
import { UserFacingError } from "@/lib/data/errors";
import { findLoginUser } from "@/lib/data/login";
import { changeOwnPassword, createUser, resetUserPassword, setUserActive, updateUserAssignment } from "@/lib/data/users";
import { loadViewer } from "@/lib/data/viewer";
import { assignUncoveredDistricts, createBranchOffice, getOfficeForViewer, listUncoveredDistrictsForViewer, setBranchCoverage } from "@/lib/data/offices";
import { verifyPassword } from "@/lib/auth/password";
import { viewerFor } from "../support/viewers";

describe("user administration", () => {
  it("creates a user with a one-time password that must be changed", async () => {
    const admin = await viewerFor("admin@portal.test");
    const { id, oneTimePassword } = await createUser(admin, { name: "Petugas Baru", email: "Baru.Satu@portal.test", role: "petugas", regencyCode: "36.71" });
    const login = await findLoginUser("baru.satu@portal.test");
    expect(login?.id).toBe(id);
    expect(await verifyPassword(login!.passwordHash, oneTimePassword)).toBe(true);
    const v = await loadViewer(id, login!.sessionVersion);
    expect(v).toMatchObject({ mustChangePassword: true, role: "petugas", regencyCode: "36.71", regencyName: "Kota Tangerang", provinceCode: "36" });
  });

  it("refuses a duplicate email with a message on the email field", async () => {
    const admin = await viewerFor("admin@portal.test");
    await expect(createUser(admin, { name: "Dua", email: "PETUGAS.kotatangerang@portal.test", role: "petugas", regencyCode: "36.71" })).rejects.toMatchObject({
      fieldErrors: { email: ["Email ini sudah dipakai pengguna lain."] },
    });
  });

  it("refuses a branch head placed in a Kanwil", async () => {
    const admin = await viewerFor("admin@portal.test");
    const kakanwil = await viewerFor("kakanwil.banten@portal.test");
    await expect(
      createUser(admin, { name: "Salah Kantor", email: "salah@portal.test", role: "kepala_cabang", officeId: kakanwil.officeId }),
    ).rejects.toBeInstanceOf(UserFacingError);
  });

  it("ends sessions at once on deactivation, reset and reassignment", async () => {
    const admin = await viewerFor("admin@portal.test");
    const { id } = await createUser(admin, { name: "Sesi Uji", email: "sesi@portal.test", role: "supervisor", regencyCode: "36.03" });
    let version = (await findLoginUser("sesi@portal.test"))!.sessionVersion;
    expect(await loadViewer(id, version)).not.toBeNull();

    await updateUserAssignment(admin, id, { role: "petugas", regencyCode: "36.71" });
    expect(await loadViewer(id, version)).toBeNull();
    version = (await findLoginUser("sesi@portal.test"))!.sessionVersion;
    expect((await loadViewer(id, version))?.regencyCode).toBe("36.71");

    await resetUserPassword(admin, id);
    expect(await loadViewer(id, version)).toBeNull();
    version = (await findLoginUser("sesi@portal.test"))!.sessionVersion;

    await setUserActive(admin, id, false);
    const after = (await findLoginUser("sesi@portal.test"))!;
    expect(after.active).toBe(false);
    expect(await loadViewer(id, after.sessionVersion)).toBeNull();
  });

  it("changes one's own password only with the current one", async () => {
    const admin = await viewerFor("admin@portal.test");
    const { id, oneTimePassword } = await createUser(admin, { name: "Ganti Sandi", email: "ganti@portal.test", role: "petugas", regencyCode: "36.03" });
    const v = (await loadViewer(id, (await findLoginUser("ganti@portal.test"))!.sessionVersion))!;
    await expect(changeOwnPassword(v, "salah-sekali", "kopi-hujan-sepeda-lampu")).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["Kata sandi saat ini salah."] },
    });
    await changeOwnPassword(v, oneTimePassword, "kopi-hujan-sepeda-lampu");
    const row = (await findLoginUser("ganti@portal.test"))!;
    expect(await verifyPassword(row.passwordHash, "kopi-hujan-sepeda-lampu")).toBe(true);
    expect((await loadViewer(id, row.sessionVersion))?.mustChangePassword).toBe(false);
  });

  it("lets no one but an admin manage users", async () => {
    const petugas = await viewerFor("petugas.kotatangerang@portal.test");
    await expect(createUser(petugas, { name: "Nakal", email: "nakal@portal.test", role: "admin" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("uncovered kecamatan", () => {
  it("are assigned to a branch in one step; one served meanwhile stays with its branch and is said", async () => {
    const admin = await viewerFor("admin@portal.test");
    const kakanwil = await viewerFor("kakanwil.banten@portal.test");
    const branch = await createBranchOffice(admin, { name: "Kantor Cabang Uji Pandeglang", kind: "kantor_cabang", parentId: kakanwil.officeId! });
    const uncovered = (await listUncoveredDistrictsForViewer(admin, "36")).filter((d) => d.regencyCode === "36.01").slice(0, 2);
    expect(uncovered).toHaveLength(2);
    const r = await assignUncoveredDistricts(admin, { officeId: branch.id, districtCodes: [...uncovered.map((d) => d.code), "36.71.01"] });
    expect(r).toEqual({ assigned: 2, alreadyServed: 1 });
    const after = await listUncoveredDistrictsForViewer(admin, "36");
    expect(after.map((d) => d.code)).not.toContain(uncovered[0]!.code);
    // Kecamatan Tangerang (36.71.01) stays with Cikokol.
    const office = await getOfficeForViewer(admin, branch.id);
    expect(office.coverage.map((c) => c.code).sort()).toEqual(uncovered.map((d) => d.code).sort());
    await expect(assignUncoveredDistricts(admin, { officeId: branch.id, districtCodes: [] })).rejects.toMatchObject({
      fieldErrors: { districtCodes: ["Centang minimal satu kecamatan."] },
    });
    // Back as it was: other files count Pandeglang's uncovered kecamatan.
    await setBranchCoverage(admin, { officeId: branch.id, regencyCode: "36.01", districtCodes: [] });
  });
});
