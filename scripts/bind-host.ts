// Which interface `npm start` binds. Demo mode publishes its passwords in the README, so it listens
// on the loopback interface only unless HOST says otherwise (then it warns). Server mode binds what
// HOST says, or every interface (Next.js's default) behind the team's firewall or proxy.

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export type BindDecision = { host: string | null; warning: string | null };

export function bindHost(options: { demo: boolean; host: string | undefined }): BindDecision {
  const host = options.host?.trim() || null;
  if (!options.demo) return { host, warning: null };
  if (!host) return { host: "127.0.0.1", warning: null };
  if (LOOPBACK.has(host)) return { host, warning: null };
  return {
    host,
    warning:
      `demo mode is listening on ${host}: anyone who can reach this machine can sign in with the demo ` +
      "passwords published in the README (admin@example.com / stancebench unless ADMIN_PASSWORD was set at the first start). " +
      "Use server mode (DATABASE_URL) for anything shared, and set APP_URL to the address people open.",
  };
}
