// `npm run build:deploy`: the one build every replica of a deployment runs. It refuses to build
// without the deployment's identity, so two hosts building the same commit get the same server
// action ids and build id (a form rendered by one replica posts to another), and it records what
// it was built with; `npm start` in deploy mode checks that record and never builds.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deployIdentity, DEPLOY_RECORD, writeDeployRecord } from "./deploy-identity.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const log = (m) => console.log(`[build] ${m}`);

const identity = deployIdentity(process.env);
if (!identity.ok) {
  console.error(`[build] ${identity.error}`);
  process.exit(1);
}
log(`Membangun untuk deployment ${identity.deploymentId}...`);
const r = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
if (r.status !== 0) process.exit(r.status ?? 1);
writeDeployRecord(root, identity);
// The demo launcher's stamp goes: a plain `npm start` on this checkout rebuilds instead of serving a deploy build.
fs.rmSync(path.join(root, ".next", "portal-build-stamp"), { force: true });
log(`Selesai: .next/${DEPLOY_RECORD}`);
