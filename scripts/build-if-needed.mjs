// `npm start` builds when there is no production build or the sources changed since the last one.
// The test runner also builds through here, as a deployment (`env` with PORTAL_DEPLOYMENT_ID and the
// key), so the scale phase's replicas serve the e2e phase's build.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { deployIdentity, writeDeployRecord } from "./deploy-identity.mjs";

const SOURCES = ["app", "components", "lib", "db", "proxy.ts", "next.config.js", "postcss.config.mjs", "package.json", "tsconfig.json"];

function fingerprint(root) {
  const h = crypto.createHash("sha256");
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    else h.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const s of SOURCES) walk(path.join(root, s));
  return h.digest("hex");
}

/** What a build of `root` with `env`'s deployment identity is stamped with: equal stamps, equal builds. */
export function buildKey(root, env = process.env) {
  const identity = env.PORTAL_DEPLOYMENT_ID ? deployIdentity(env) : null;
  if (identity && !identity.ok) throw new Error(identity.error);
  return { identity, want: fingerprint(root) + (identity ? `:${identity.deploymentId}:${identity.keyFingerprint}` : "") };
}

export function buildIfNeeded(root, log, env = process.env) {
  const stamp = path.join(root, ".next", "portal-build-stamp");
  const { identity, want } = buildKey(root, env);
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === want) return;
  log("Membangun aplikasi (next build), sekali saja setelah kode berubah...");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build gagal");
  if (identity) writeDeployRecord(root, identity);
  fs.writeFileSync(stamp, want);
}
