import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { signInSchema } from "@/lib/validation/auth";
import { dummyHash, verifyPassword } from "./password";
import { assertNotThrottled, recordFailure } from "./throttle";

export type AuthenticatedUser = { id: string; email: string; name: string; isAdmin: boolean };

// The same message for unknown email, wrong password and deactivated account: never reveal which.
const INVALID = "Invalid email or password.";

export async function verifyCredentials(input: unknown): Promise<AuthenticatedUser & { sessionVersion: number }> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("unauthenticated", INVALID);
  const { email, password } = parsed.data;
  await assertNotThrottled(email);
  const user = await prisma().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, isAdmin: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash());
  if (!user || !ok || !user.active) {
    await recordFailure(email);
    throw new AppError("unauthenticated", INVALID);
  }
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, sessionVersion: user.sessionVersion };
}
