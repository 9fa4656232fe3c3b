// Deploy mode (issue 16, item 1): a deployment's build is named and keyed from the environment, and
// `npm start` serves only the build made for that deployment with that key.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDeployBuild, deployIdentity, DEPLOY_RECORD } from "../../scripts/deploy-identity.mjs";

const KEY = Buffer.alloc(32, 7).toString("base64");
const OTHER_KEY = Buffer.alloc(32, 8).toString("base64");

describe("deploy identity", () => {
  it.each([
    [{}, /PORTAL_DEPLOYMENT_ID belum diisi/],
    [{ PORTAL_DEPLOYMENT_ID: "a b" }, /PORTAL_DEPLOYMENT_ID belum diisi atau tidak valid/],
    [{ PORTAL_DEPLOYMENT_ID: "d68013a" }, /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY belum diisi/],
    [{ PORTAL_DEPLOYMENT_ID: "d68013a", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(20).toString("base64") }, /16, 24 atau 32 byte/],
  ])("refuses %j", (env, message) => {
    const r = deployIdentity(env);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(message);
  });

  it("keeps only a fingerprint of the key, the same on every host", () => {
    const a = deployIdentity({ PORTAL_DEPLOYMENT_ID: "2026-12-05.1", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY });
    const b = deployIdentity({ PORTAL_DEPLOYMENT_ID: "2026-12-05.1", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY });
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).not.toContain(KEY);
  });

  it("serves only the build made for this deployment with this key", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "portal-deploy-"));
    try {
      const env = { PORTAL_DEPLOYMENT_ID: "rilis-7", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY };
      expect(checkDeployBuild(root, env)).toMatch(/Belum ada build deployment di \.next: jalankan `npm run build:deploy`/);
      fs.mkdirSync(path.join(root, ".next"));
      fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "rilis-7");
      fs.writeFileSync(
        path.join(root, ".next", DEPLOY_RECORD),
        JSON.stringify({ deploymentId: "rilis-7", keyFingerprint: deployIdentity(env).keyFingerprint }),
      );
      expect(checkDeployBuild(root, env)).toBeNull();
      expect(checkDeployBuild(root, { ...env, PORTAL_DEPLOYMENT_ID: "rilis-8" })).toMatch(/milik deployment rilis-7, bukan rilis-8/);
      expect(checkDeployBuild(root, { ...env, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: OTHER_KEY })).toMatch(/dengan NEXT_SERVER_ACTIONS_ENCRYPTION_KEY lain/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
