import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { authenticateApiToken } from "./api-tokens";
import { authOptions } from "./options";
import type { AuthenticatedUser } from "./verify-credentials";

/** The signed-in user from the session cookie, re-read from the database (inactive → null). */
export const getSessionUser = cache(async (): Promise<AuthenticatedUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, isAdmin: true, active: true },
  });
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
});

/** For pages: the user, or a redirect to /login. */
export async function requireUser(): Promise<AuthenticatedUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages that only site admins may see. */
export async function requireAdmin(): Promise<AuthenticatedUser> {
  const user = await requireUser();
  if (!user.isAdmin) throw new AppError("forbidden", "Only site administrators can manage users.");
  return user;
}

/** For API routes: a Bearer token, else the session cookie, else 401. */
export async function requireApiUser(request: Request): Promise<AuthenticatedUser> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match ? await authenticateApiToken(match[1]!) : null;
    if (!user) throw new AppError("unauthenticated", "The API token is missing, invalid or revoked.");
    return user;
  }
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated", "Sign in or send an API token (Authorization: Bearer …).");
  return user;
}
