import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null; image?: string | null; sv?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The user's session version when this session was signed (see lib/auth/current-user.ts). */
    sv?: number;
  }
}
