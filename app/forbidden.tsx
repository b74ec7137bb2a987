import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="page">
      <div className="panel empty" data-testid="forbidden">
        <strong>You do not have access to this page</strong>
        Your role does not allow it. Ask a project manager or a site administrator if you need access.
        <p>
          <Link href="/projects">Back to your projects</Link>
        </p>
      </div>
    </main>
  );
}
