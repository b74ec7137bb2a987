"use client";
import { LocalTime } from "@/components/ui/local-time";
import { useState, useTransition } from "react";
import { createCommentAction, setCommentResolvedAction } from "@/app/projects/[projectId]/workflow-actions";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import type { CommentDto } from "@/lib/comments/comment-dto";
import { createCommentSchema } from "@/lib/validation/comments";
import { CommentBody } from "./comment-body";
import { threadsOf, type Thread } from "./thread-tree";

type Props = {
  projectId: string;
  documentId: string;
  comments: CommentDto[];
  currentUserId: string;
  canWrite: boolean;
  /** Reviewers and managers resolve any thread; authors resolve their own. */
  canResolveAny: boolean;
};


function anchorOf(c: CommentDto): string | null {
  if (c.annotationId) return "on an annotation";
  if (c.sentenceIndex !== null) return `on sentence ${c.sentenceIndex + 1}`;
  return null;
}

function CommentLine({ comment }: { comment: CommentDto }) {
  return (
    <div data-testid="comment" style={{ marginBottom: "0.5rem" }}>
      <div className="small">
        <strong>{comment.author?.name ?? "Deleted user"}</strong>{" "}
        <LocalTime className="muted" value={comment.createdAt} />
        {comment.mentions.length ? <span className="muted"> · mentions {comment.mentions.map((m) => m.name).join(", ")}</span> : null}
      </div>
      <CommentBody body={comment.body} />
    </div>
  );
}

function ThreadView({ thread, props }: { thread: Thread; props: Props }) {
  const { root } = thread;
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [reply, setReply] = useState("");
  const resolved = Boolean(root.resolvedAt);
  const mayResolve = props.canResolveAny || root.author?.id === props.currentUserId;
  const anchor = anchorOf(root);

  const run = (fn: () => Promise<{ ok: boolean; message?: string }>, after?: () => void) =>
    start(async () => {
      setError(null);
      const result = await fn();
      if (!result.ok) setError(result.message ?? "Something went wrong.");
      else after?.();
    });

  return (
    <li data-testid="comment-thread" data-resolved={resolved} style={{ borderTop: "1px solid var(--line)", padding: "0.5rem 0", opacity: resolved ? 0.7 : 1 }}>
      <div className="row small">
        {anchor ? <span className="badge grey">{anchor}</span> : null}
        {resolved ? <span className="badge ok">resolved by {root.resolvedBy?.name ?? "someone"}</span> : null}
      </div>
      <CommentLine comment={root} />
      {thread.replies.length ? (
        <div style={{ marginLeft: "1rem", borderLeft: "2px solid var(--line)", paddingLeft: "0.6rem" }}>
          {thread.replies.map((r) => (
            <CommentLine key={r.id} comment={r} />
          ))}
        </div>
      ) : null}
      {props.canWrite && !resolved ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => createCommentAction(props.projectId, props.documentId, { body: reply, parentId: root.id }), () => setReply(""));
          }}
        >
          <input type="text" aria-label="Reply" placeholder="Reply…" value={reply} onChange={(e) => setReply(e.target.value)} style={{ flex: 1 }} />
          <button type="submit" className="secondary" disabled={pending || !reply.trim()}>Reply</button>
        </form>
      ) : null}
      {mayResolve ? (
        <button
          type="button"
          className="link small"
          disabled={pending}
          onClick={() => run(() => setCommentResolvedAction(props.projectId, props.documentId, root.id, !resolved))}
        >
          {resolved ? "Reopen thread" : "Resolve thread"}
        </button>
      ) : null}
      <FormError message={error} />
    </li>
  );
}

function NewCommentForm(props: Props) {
  const { form, onSubmit, formError } = useServerForm(
    createCommentSchema,
    (values) => createCommentAction(props.projectId, props.documentId, values),
    { defaultValues: { body: "" }, onSuccess: () => form.reset({ body: "" }) },
  );
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="new-comment">
      <Field id="comment-body" label="New comment" error={formState.errors.body?.message} hint="Mention members with @name or @email.">
        <textarea id="comment-body" aria-invalid={!!formState.errors.body} {...register("body")} />
      </Field>
      <Field id="comment-sentence" label="Sentence number (optional)" error={formState.errors.sentenceIndex?.message}>
        <input
          id="comment-sentence"
          type="number"
          min={1}
          {...register("sentenceIndex", { setValueAs: (v: string) => (v === "" || v === undefined ? undefined : Number(v) - 1) })}
        />
      </Field>
      <FormError message={formError} />
      <button type="submit" disabled={formState.isSubmitting}>Comment</button>
    </form>
  );
}

/** Comment threads on the document, its sentences and annotations, with replies and resolve/reopen. */
export function CommentThreadPanel(props: Props) {
  const threads = threadsOf(props.comments);
  const open = threads.filter((t) => !t.root.resolvedAt).length;
  return (
    <section className="panel" data-testid="comments-panel">
      <h3 style={{ marginTop: 0 }}>
        Comments <span className="muted small">{open} open · {threads.length - open} resolved</span>
      </h3>
      {threads.length === 0 ? <p className="muted small">No comments yet. Ask a question or flag a problem; threads can be resolved when settled.</p> : null}
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {threads.map((t) => (
          <ThreadView key={t.root.id} thread={t} props={props} />
        ))}
      </ul>
      {props.canWrite ? <NewCommentForm {...props} /> : null}
    </section>
  );
}
