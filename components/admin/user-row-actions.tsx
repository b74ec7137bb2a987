"use client";
import { useState, useTransition } from "react";
import { resetPasswordAction, setUserActiveAction } from "@/app/admin/users/actions";

export function UserRowActions({ userId, active, email }: { userId: string; active: boolean; email: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const toggle = () => {
    // Deactivating signs the user out everywhere and blocks their work: ask first.
    if (active && !window.confirm(`Deactivate ${email}? They are signed out at once and cannot sign in until an admin activates them again.`)) return;
    start(async () => {
      const result = await setUserActiveAction(userId, !active);
      setMessage(result.ok ? { ok: true, text: active ? "Deactivated." : "Activated." } : { ok: false, text: result.message });
    });
  };

  const reset = () => {
    const password = window.prompt(`New password for ${email} (at least 8 characters):`);
    if (!password) return;
    start(async () => {
      const result = await resetPasswordAction(userId, { password });
      setMessage(result.ok ? { ok: true, text: "Password reset." } : { ok: false, text: result.message });
    });
  };

  return (
    <div className="row">
      <button type="button" className={active ? "danger" : "secondary"} disabled={pending} onClick={toggle}>
        {active ? "Deactivate" : "Activate"}
      </button>
      <button type="button" className="secondary" disabled={pending} onClick={reset}>
        Reset password
      </button>
      {message ? <span className={message.ok ? "muted small" : "field-error"}>{message.text}</span> : null}
    </div>
  );
}
