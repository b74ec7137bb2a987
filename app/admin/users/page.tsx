import type { Metadata } from "next";
import Link from "next/link";
import { AddToProjectLinks } from "@/components/admin/add-to-project-links";
import { AdminLog } from "@/components/admin/admin-log";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { requireAdmin } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { listProjectsForUser } from "@/lib/projects/projects";
import { listUserEvents } from "@/lib/users/user-audit";
import { listUsers } from "@/lib/users/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await guardPage(() => requireAdmin());
  const [users, events, projects] = await Promise.all([listUsers(admin), listUserEvents(admin, 30), listProjectsForUser(admin)]);
  return (
    <main className="page">
      <h1>Users</h1>
      <div className="grid-2" style={{ gridTemplateColumns: "minmax(0, 2fr) minmax(280px, 1fr)" }}>
        <table className="data" data-testid="users-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Projects and roles</th>
              <th>Status</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.name} {u.isAdmin ? <span className="badge">admin</span> : null}
                </td>
                <td>{u.email}</td>
                <td className="small" data-testid="user-projects">
                  {u.projects.length === 0 ? (
                    <span className="muted">no project</span>
                  ) : (
                    <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                      {u.projects.map((p) => (
                        <li key={p.id}>
                          <Link href={`/projects/${p.id}/members`}>{p.name}</Link>: {p.roles.map((r) => r.toLowerCase()).join(", ")}
                        </li>
                      ))}
                    </ul>
                  )}
                  {projects.length > u.projects.length ? <AddToProjectLinks email={u.email} projects={projects.filter((p) => !u.projects.some((m) => m.id === p.id))} /> : null}
                </td>
                <td>{u.active ? <span className="badge ok">active</span> : <span className="badge danger">deactivated</span>}</td>
                <td>{u.id === admin.id ? <span className="muted small">you</span> : <UserRowActions userId={u.id} active={u.active} email={u.email} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Create a user</h2>
          <CreateUserForm projects={projects.map((p) => ({ id: p.id, name: p.name }))} />
        </section>
      </div>
      <section className="panel" style={{ marginTop: "1rem" }}>
        <h2 style={{ marginTop: 0 }}>Administration log</h2>
        <AdminLog events={events} />
      </section>
    </main>
  );
}
