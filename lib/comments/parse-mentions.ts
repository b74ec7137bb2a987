// @mentions in a comment body: `@email` or `@Full Name` of a project member (case-insensitive).
// Longer names are tried first so "@Ann Lee" is not read as "@Ann" when both are members.
export type MentionCandidate = { id: string; email: string; name: string };

const WORD = /[\p{L}\p{N}_]/u;

export function parseMentions(body: string, members: readonly MentionCandidate[]): string[] {
  const keys = members
    .flatMap((m) => [{ id: m.id, key: m.email.toLowerCase() }, { id: m.id, key: m.name.trim().toLowerCase() }])
    .filter((k) => k.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const lower = body.toLowerCase();
  const found: string[] = [];
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    // An @ inside a word (an email address in the text) is not a mention.
    if (at > 0 && WORD.test(lower[at - 1]!)) continue;
    const rest = lower.slice(at + 1);
    const hit = keys.find((k) => rest.startsWith(k.key) && !WORD.test(rest[k.key.length] ?? ""));
    if (hit && !found.includes(hit.id)) found.push(hit.id);
  }
  return found;
}
