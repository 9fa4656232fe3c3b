/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
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
        ],
      },
    ];
  },
};

export default nextConfig;
