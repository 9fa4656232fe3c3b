import crypto from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";

// TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, what every authenticator app reads) through
// otplib. One step either side is accepted for clock drift; a step once accepted is refused again
// (the caller stores the last step), so a code read over a shoulder cannot be replayed.

export const TOTP_ISSUER = "Portal Pekerja Rentan";
const TOLERANCE_SECONDS = 30;

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, email: string): string => generateURI({ issuer: TOTP_ISSUER, label: email, secret });

/** The code an app shows now (the demo aid and tests only). */
export const currentTotp = (secret: string, at: Date = new Date()): Promise<string> => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** The time step the code belongs to, or null when it is wrong or already used. */
export async function verifyTotp(secret: string, code: string, lastStep: number | null, at: Date = new Date()): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep != null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten recovery codes, "xxxxx-xxxxx" (about 49 bits each), shown once. */
export function newRecoveryCodes(n = 10): string[] {
  return Array.from({ length: n }, () => {
    const bytes = crypto.randomBytes(10);
    const s = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

/** A typed recovery code in its stored form (case, spaces and dashes ignored). */
export const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^a-z0-9]/g, "");
