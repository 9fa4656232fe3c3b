// Browser features the portal never uses, switched off. (The per-request Content-Security-Policy
// and HSTS are set in proxy.ts.)
const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A deployment's build (`npm run build:deploy`) is named by PORTAL_DEPLOYMENT_ID, so every replica
  // built from the same commit with it serves the same build id and asks for its own assets.
  ...(process.env.PORTAL_DEPLOYMENT_ID ? { deploymentId: process.env.PORTAL_DEPLOYMENT_ID, generateBuildId: () => process.env.PORTAL_DEPLOYMENT_ID } : {}),
  // forbidden() for pages a role may not open (lib/auth/viewer.ts).
  experimental: { authInterrupts: true },
  serverExternalPackages: ["@node-rs/argon2", "postgres", "pg-boss", "pg", "exceljs", "yauzl"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      // Pages and downloads carry personal data: never kept by the browser or a proxy.
      { source: "/((?!_next/static|_next/image).*)", headers: [{ key: "Cache-Control", value: "private, no-store" }] },
    ];
  },
};

export default nextConfig;
