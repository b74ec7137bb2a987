import Link from "next/link";

export default function NotFound() {
  return (
    <main className="page">
      <div className="panel empty">
        <strong>Not found</strong>
        This page does not exist, or you are not a member of the project it belongs to.
        <p>
          <Link href="/projects">Back to your projects</Link>
        </p>
      </div>
    </main>
  );
}
