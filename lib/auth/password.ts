import bcrypt from "bcryptjs";

// bcryptjs: pure JS (no native build step offline), cost 10 ≈ 60 ms per hash on these machines.
const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

let dummyHash_: string | undefined;

/** Compared against when the email is unknown, so that a miss costs as much time as a hit. */
export function dummyHash(): string {
  dummyHash_ ??= bcrypt.hashSync("not-a-real-password", COST);
  return dummyHash_;
}
