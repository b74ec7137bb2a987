"use client";
import { LocalTime } from "@/components/ui/local-time";
import { useState, useTransition } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/account/actions";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { createTokenSchema } from "@/lib/validation/auth";

type TokenRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };

export function ApiTokens({ tokens }: { tokens: TokenRow[] }) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { form, onSubmit, formError } = useServerForm(createTokenSchema, createTokenAction, {
    defaultValues: { name: "" },
    onSuccess: (created) => {
      setRevealed(created.token);
      form.reset();
    },
  });
  return (
    <div>
      {revealed ? (
        <div className="field" data-testid="new-token">
          <strong>Copy this token now; it will not be shown again:</strong>
          <div className="token-reveal">{revealed}</div>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p className="muted">No tokens yet.</p>
      ) : (
        <table className="data" data-testid="tokens-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Token</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td className="mono">{t.prefix}…</td>
                <td className="small">{t.lastUsedAt ? <LocalTime value={t.lastUsedAt} /> : "never"}</td>
                <td>
                  <button
                    type="button"
                    className="danger"
                    disabled={pending}
                    onClick={() =>
                      start(async () => {
                        const result = await revokeTokenAction(t.id);
                        setError(result.ok ? null : result.message);
                      })
                    }
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError message={error} />
      <form onSubmit={onSubmit} noValidate style={{ marginTop: "1rem" }}>
        <Field id="token-name" label="New token name" error={form.formState.errors.name?.message}>
          <input id="token-name" type="text" placeholder="e.g. export script" {...form.register("name")} />
        </Field>
        <FormError message={formError} />
        <button type="submit" disabled={form.formState.isSubmitting}>Create token</button>
      </form>
    </div>
  );
}
