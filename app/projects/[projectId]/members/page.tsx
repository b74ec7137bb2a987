import type { Metadata } from "next";
import { AddMemberForm } from "@/components/projects/add-member-form";
import { RemoveMemberButton } from "@/components/projects/remove-member-button";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { getProject, listMembers } from "@/lib/projects/projects";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ email?: string | string[] }> }) {
  const user = await requireUser();
  const { projectId } = await params;
  const [project, members] = await guardPage(() => Promise.all([getProject(user, projectId), listMembers(user, projectId)]));
  const canManage = project.permissions.includes("members.manage");
  return (
    <div className="grid-2">
      <section>
        <table className="data" data-testid="members-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Roles</th>
              {canManage ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.name} {m.active ? null : <span className="badge danger">deactivated</span>}
                </td>
                <td>{m.email}</td>
                <td>
                  {m.roles.map((r) => (
                    <span key={r} className="badge">{r.toLowerCase()}</span>
                  ))}
                </td>
                {canManage ? <td>{m.id === user.id ? null : <RemoveMemberButton projectId={projectId} memberId={m.id} name={m.name} />}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {canManage ? (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Add a member or change roles</h2>
          {/* ?email= comes from the admin's "Add to project" link next to a new user. */}
          <AddMemberForm projectId={projectId} defaultEmail={[(await searchParams).email].flat()[0] ?? ""} />
        </section>
      ) : null}
    </div>
  );
}
