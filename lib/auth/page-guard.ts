import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** Runs page data loading and turns access errors into the 404 / 403 / sign-in pages. */
export async function guardPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "not_found") notFound();
      if (error.code === "forbidden") forbidden();
      if (error.code === "unauthenticated") redirect("/login");
    }
    throw error;
  }
}
