/**
 * A comment body, always as text: React escapes it, so markup such as
 * `<img src=x onerror=alert(1)>` shows literally and never runs. Line breaks are kept.
 */
export function CommentBody({ body }: { body: string }) {
  return (
    <p className="comment-body" style={{ margin: "0.2rem 0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      {body}
    </p>
  );
}
