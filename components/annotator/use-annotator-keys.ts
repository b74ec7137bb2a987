"use client";
import { useEffect, useEffectEvent, type RefObject } from "react";
import { keyAction, type KeyAction } from "@/lib/annotator/keymap";
import type { LabelSchema } from "@/lib/schema/label-schema";

type Options = {
  schema: LabelSchema;
  /** The shortcut overlay is open: only ? and Esc (which closes it) act. */
  help: boolean;
  closeHelp: () => void;
  /** The open span form, if any: Enter inside it saves, Esc anywhere cancels. */
  formRef: RefObject<HTMLFormElement | null>;
  hasDraft: boolean;
  cancel: () => void;
  run: (action: KeyAction) => void;
};

/**
 * The annotator's keyboard: one window listener that maps keys to actions (keymap) and leaves
 * typing in inputs alone, except Esc (cancel) and Enter in the span form (save).
 */
export function useAnnotatorKeys(options: Options) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const { schema, help, closeHelp, formRef, hasDraft, cancel, run } = options;
    if (event.defaultPrevented || event.isComposing) return;
    const action = keyAction(event, schema);
    if (!action) return;
    if (help && action.kind !== "help" && action.kind !== "cancel") return;
    if (help && action.kind === "cancel") return closeHelp();
    const target = event.target instanceof HTMLElement ? event.target : null;
    const editable = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (editable) {
      if (action.kind === "cancel") {
        event.preventDefault();
        target.blur();
        cancel();
      } else if (action.kind === "save" && hasDraft && formRef.current?.contains(target) && target.tagName !== "TEXTAREA" && !target.dataset.enter) {
        event.preventDefault();
        formRef.current.requestSubmit();
      }
      return;
    }
    if (target?.tagName === "BUTTON" && (action.kind === "save" || event.key === " ")) return;
    event.preventDefault();
    run(action);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
