import { hash, verify } from "@node-rs/argon2";
import crypto from "node:crypto";
import pLimit from "p-limit";

// argon2id (the library default) with OWASP's minimum memory/time settings.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * At most this many argon2 computations run at once per process (each takes 19 MiB); the rest
 * wait their turn in memory, never on a pooled database connection.
 */
export const ARGON2_CONCURRENCY = 4;
const limit = pLimit(ARGON2_CONCURRENCY);

/** How many argon2 computations are running and waiting now (for tests). */
export const argon2Load = () => ({ active: limit.activeCount, pending: limit.pendingCount });

export function hashPassword(password: string): Promise<string> {
  return limit(() => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await limit(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

// A hash of nothing, verified against when the email is unknown so both paths cost the same.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  return dummy;
}

/** A one-time password an admin reads out to a new user: easy to type, 12 characters. */
export function generateOneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = crypto.randomBytes(12);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length])
    .join("")
    .replace(/(.{4})(?!$)/g, "$1-");
}
