import crypto from "node:crypto";

// Secrets the portal keeps for users (TOTP secrets) are sealed with AES-256-GCM, and tokens it
// only needs to recognise (login challenges, device ids, recovery codes) are stored as keyed
// hashes. Both keys derive from AUTH_SECRET with HKDF, one per purpose, so a database dump alone
// reveals neither.

type Purpose = "totp" | "login-challenge" | "device" | "recovery-code" | "nik";

function secret(): string {
  const s = process.env.AUTH_SECRET;
  if (!s || s.length < 16) throw new Error("AUTH_SECRET belum diisi (minimal 16 karakter).");
  return s;
}

const keys = new Map<string, Buffer>();
function key(purpose: Purpose): Buffer {
  const id = `${purpose}:${secret()}`;
  let k = keys.get(id);
  if (!k) {
    k = Buffer.from(crypto.hkdfSync("sha256", secret(), "portal-pekerja-rentan", purpose, 32));
    keys.set(id, k);
  }
  return k;
}

/** "v1.<iv>.<tag>.<ciphertext>" (base64url). */
export function seal(plain: string, purpose: Purpose = "totp"): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(purpose), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function unseal(sealed: string, purpose: Purpose = "totp"): string {
  const [v, iv, tag, data] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || !data) throw new Error("Format rahasia tidak dikenal.");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(purpose), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** HMAC-SHA256 of a value under the purpose's key (hex). */
export function keyedHash(value: string, purpose: Purpose): string {
  return crypto.createHmac("sha256", key(purpose)).update(value).digest("hex");
}

/** A random token for a cookie (base64url, 32 bytes). */
export function randomToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}
