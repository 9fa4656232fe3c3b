import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import { db } from "@/db/client";
import { mfaRecoveryCodes, users } from "@/db/schema";
import { keyedHash, seal, unseal } from "@/lib/auth/seal";
import { newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, totpUri, verifyTotp } from "@/lib/auth/totp";
import { MFA_REQUIRED_ROLES } from "@/lib/authz/roles";
import type { Viewer } from "@/lib/authz/viewer";
import { writeAudit } from "./audit";
import { UserFacingError } from "./errors";

// The viewer's own second factor (TOTP). The QR code is drawn here, on the server, as an SVG
// image; the secret never reaches a log or a URL.

export type MfaSetup = {
  required: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  /** A secret waiting for its first code: the QR image and the secret to type by hand. */
  pending: { qrDataUrl: string; secretGroups: string } | null;
};

async function ownRow(viewer: Viewer) {
  const [row] = await db()
    .select({ email: users.email, totpSecret: users.totpSecret, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, viewer.id));
  if (!row) throw new UserFacingError("Akun tidak ditemukan.");
  return row;
}

export async function getMfaSetup(viewer: Viewer): Promise<MfaSetup> {
  const row = await ownRow(viewer);
  const [left] = await db()
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, viewer.id), isNull(mfaRecoveryCodes.usedAt)));
  let pending: MfaSetup["pending"] = null;
  if (!row.totpEnabledAt && row.totpSecret) {
    const secret = unseal(row.totpSecret);
    const svg = await QRCode.toString(totpUri(secret, row.email), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    pending = { qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, secretGroups: secret.replace(/(.{4})/g, "$1 ").trim() };
  }
  return { required: MFA_REQUIRED_ROLES.includes(viewer.role), enabledAt: row.totpEnabledAt, recoveryCodesLeft: left?.n ?? 0, pending };
}

/** A fresh secret for the set-up (replacing a pending one); refused once a factor is active. */
export async function startMfaSetup(viewer: Viewer): Promise<void> {
  const row = await ownRow(viewer);
  if (row.totpEnabledAt) throw new UserFacingError("Autentikator sudah aktif. Minta admin mengatur ulang bila ponsel Anda hilang.");
  await db()
    .update(users)
    .set({ totpSecret: seal(newTotpSecret()), totpLastStep: null })
    .where(and(eq(users.id, viewer.id), isNull(users.totpEnabledAt)));
}

/**
 * The first code from the app turns the factor on; ten recovery codes are made and returned to
 * be shown once (only their keyed hashes are kept). Audited.
 */
export async function confirmMfaSetup(viewer: Viewer, code: string): Promise<string[]> {
  const row = await ownRow(viewer);
  if (row.totpEnabledAt) throw new UserFacingError("Autentikator sudah aktif.");
  if (!row.totpSecret) throw new UserFacingError("Mulai penyiapan autentikator terlebih dahulu.");
  const step = await verifyTotp(unseal(row.totpSecret), code, null);
  if (step == null) {
    const msg = "Kode tidak cocok. Pastikan jam ponsel tepat, lalu ketik kode yang sedang tampil.";
    throw new UserFacingError(msg, { code: [msg] });
  }
  const codes = newRecoveryCodes();
  await db().transaction(async (tx) => {
    const on = await tx
      .update(users)
      .set({ totpEnabledAt: new Date(), totpLastStep: step })
      .where(and(eq(users.id, viewer.id), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (on.length !== 1) throw new UserFacingError("Autentikator sudah aktif.");
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, viewer.id));
    await tx.insert(mfaRecoveryCodes).values(codes.map((c) => ({ userId: viewer.id, codeHash: keyedHash(normalizeRecoveryCode(c), "recovery-code") })));
    await writeAudit(tx, { actorId: viewer.id, action: "auth.mfa_enable", entityType: "user", entityId: viewer.id, details: { recoveryCodes: codes.length } });
  });
  return codes;
}
