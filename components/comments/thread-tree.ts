import type { CommentDto } from "@/lib/comments/comment-dto";

export type Thread = { root: CommentDto; replies: CommentDto[] };

/** Groups comments (oldest first) into threads: open threads first, newest activity first within each group. */
export function threadsOf(comments: readonly CommentDto[]): Thread[] {
  const threads = new Map<string, Thread>();
  for (const c of comments) if (!c.parentId) threads.set(c.id, { root: c, replies: [] });
  for (const c of comments) if (c.parentId) threads.get(c.parentId)?.replies.push(c);
  const lastActivity = (t: Thread) => new Date((t.replies.at(-1) ?? t.root).createdAt).getTime();
  return [...threads.values()].sort((a, b) => Number(Boolean(a.root.resolvedAt)) - Number(Boolean(b.root.resolvedAt)) || lastActivity(b) - lastActivity(a));
}
