import Link from "next/link";
import { getSessionUser } from "@/lib/auth/current-user";
import { SignOutButton } from "@/components/auth/sign-out-button";

export async function TopBar() {
  const user = await getSessionUser();
  return (
    <header className="topbar">
      <Link href="/projects" className="brand">
        Stancebench
      </Link>
      {user ? (
        <>
          <nav aria-label="Main">
            <Link href="/projects">Projects</Link>
            {user.isAdmin ? <Link href="/admin/users">Users</Link> : null}
            <Link href="/account">Account</Link>
          </nav>
          <span className="who" data-testid="signed-in-as">
            {user.name} · {user.email}
          </span>
          <SignOutButton />
        </>
      ) : (
        <span className="spacer" />
      )}
    </header>
  );
}
