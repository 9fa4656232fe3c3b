// What makes a build a deployment's: its id and the server actions' encryption key (both from the
// environment, the same on every host that builds or serves it). Shared by build:deploy and start.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const DEPLOY_RECORD = "portal-deploy.json";

/** Checks PORTAL_DEPLOYMENT_ID and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY; the key is kept only as a fingerprint. */
export function deployIdentity(env) {
  const deploymentId = env.PORTAL_DEPLOYMENT_ID ?? "";
  const key = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? "";
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(deploymentId))
    return { ok: false, error: "PORTAL_DEPLOYMENT_ID belum diisi atau tidak valid (huruf, angka, titik, garis; mis. commit git atau 2026-12-05.1)." };
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(key) ? Buffer.from(key, "base64").length : 0;
  if (![16, 24, 32].includes(bytes))
    return {
      ok: false,
      error:
        "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY belum diisi atau bukan kunci AES base64 (16, 24 atau 32 byte). Buat sekali per deployment: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"",
    };
  return { ok: true, deploymentId, keyFingerprint: crypto.createHash("sha256").update(key).digest("hex").slice(0, 16) };
}

/**
 * Deploy mode (PORTAL_DEPLOYMENT_ID set): the build on disk must be the one `build:deploy` made for
 * this deployment with this key. Returns an Indonesian reason when it is not.
 */
export function checkDeployBuild(root, env) {
  const identity = deployIdentity(env);
  if (!identity.ok) return identity.error;
  const file = path.join(root, ".next", DEPLOY_RECORD);
  if (!fs.existsSync(file) || !fs.existsSync(path.join(root, ".next", "BUILD_ID")))
    return `Belum ada build deployment di .next: jalankan \`npm run build:deploy\` dengan PORTAL_DEPLOYMENT_ID=${identity.deploymentId} dan kuncinya.`;
  const built = JSON.parse(fs.readFileSync(file, "utf8"));
  if (built.deploymentId !== identity.deploymentId)
    return `Build di .next milik deployment ${built.deploymentId}, bukan ${identity.deploymentId}: bangun ulang dengan \`npm run build:deploy\` atau pakai PORTAL_DEPLOYMENT_ID yang sama.`;
  if (built.keyFingerprint !== identity.keyFingerprint)
    return "Build di .next dibuat dengan NEXT_SERVER_ACTIONS_ENCRYPTION_KEY lain: pakai kunci yang sama di semua host, atau bangun ulang.";
  return null;
}

/** Records which deployment a fresh build in `root`/.next belongs to (read by checkDeployBuild). */
export function writeDeployRecord(root, identity) {
  fs.writeFileSync(
    path.join(root, ".next", DEPLOY_RECORD),
    JSON.stringify({ deploymentId: identity.deploymentId, keyFingerprint: identity.keyFingerprint, builtAt: new Date().toISOString() }),
  );
}
