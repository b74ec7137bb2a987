import { AppError } from "@/lib/errors";

/** The AppError a call rejects with; fails the test when it resolves or throws something else. */
export async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}
