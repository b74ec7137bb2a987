import { AppError } from "@/lib/errors";

const label = (state: string) => state.toLowerCase().replaceAll("_", " ");

/** 409 invalid_state with the document's current state, worded for the action that was refused. */
export function documentStateError(action: string, current: string): AppError {
  const why = current === "SIGNED_OFF" ? "it is signed off and read-only until a manager reopens it" : `it is ${label(current)}`;
  return new AppError("invalid_state", `Cannot ${action}: ${why}.`, { details: { current, entity: "document" } });
}
