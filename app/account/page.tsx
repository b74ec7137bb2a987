import type { Metadata } from "next";
import { ApiTokens } from "@/components/account/api-tokens";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  const tokens = await listApiTokens(user.id);
  return (
    <main className="page">
      <h1>Account</h1>
      <p className="muted">
        {user.name} · {user.email}
      </p>
      <div className="grid-2">
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Change password</h2>
          <ChangePasswordForm />
        </section>
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>API tokens</h2>
          <p className="hint">
            Send <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/v1</code>. A token acts with your roles. See <a href="/api/v1/openapi.json">the OpenAPI document</a>.
          </p>
          <ApiTokens tokens={tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null }))} />
        </section>
      </div>
    </main>
  );
}
