import Link from "next/link";

/** "Add to project: A, B" — each opens that project's Members tab with the email filled in. */
export function AddToProjectLinks({ email, projects }: { email: string; projects: { id: string; name: string }[] }) {
  return (
    <div className="muted small" data-testid="add-to-project">
      Add to project:{" "}
      {projects.map((p, i) => (
        <span key={p.id}>
          {i > 0 ? ", " : null}
          <Link href={`/projects/${p.id}/members?email=${encodeURIComponent(email)}`}>{p.name}</Link>
        </span>
      ))}
    </div>
  );
}
