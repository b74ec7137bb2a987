import { getSessionUser } from "@/lib/auth/current-user";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLink } from "./nav-link";

export async function TopBar() {
  const user = await getSessionUser();
  return (
    <header className="topbar">
      <NavLink href="/projects" className="brand">
        Stancebench
      </NavLink>
      {user ? (
        <>
          <nav aria-label="Main">
            <NavLink href="/projects">Projects</NavLink>
            {user.isAdmin ? <NavLink href="/admin/users">Users</NavLink> : null}
            <NavLink href="/account">Account</NavLink>
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
