import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionUser } from "@/lib/auth/current-user";
import { appUrl } from "@/lib/env";
import { safeNextPath } from "@/lib/security/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getSessionUser()) redirect("/projects");
  const { next } = await searchParams;
  // Only paths on this app: never redirect to another origin after sign-in.
  const target = safeNextPath(next, appUrl());
  return (
    <main className="page">
      <div className="panel auth-card">
        <h1>Sign in to Stancebench</h1>
        <LoginForm next={target} />
      </div>
    </main>
  );
}
