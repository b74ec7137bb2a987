// One JSON POST to an external suggester, with the SSRF guard applied where the connection is
// made: every address the host name resolves to is checked, and the socket connects to a checked
// address (so a DNS answer cannot change between the check and the connection). Redirects are
// not followed, the whole exchange has a deadline and the response body a size limit.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { refusedAddress } from "./address-guard";
import { literalAddress } from "./url-check";

export class SuggesterCallError extends Error {}

export type PostOptions = { token?: string | null; timeoutMs: number; maxBytes: number; allowPrivate: boolean };

/** A lookup that resolves every address of the host and refuses the name if any one is refused. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      for (const a of list) {
        const why = refusedAddress(a.address, allowPrivate);
        if (why) return callback(new SuggesterCallError(`${hostname} resolves to ${why}`), "", 0);
      }
      const first = list[0];
      if (!first) return callback(new SuggesterCallError(`${hostname} has no address`), "", 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, first.address, first.family);
    });
  };
}

/** Authorization for the token: "user:password" as Basic (the ML backend's BASIC_AUTH_USER/PASS), else Bearer. */
export function authorizationHeader(token: string): string {
  return token.includes(":") ? `Basic ${Buffer.from(token).toString("base64")}` : `Bearer ${token}`;
}

export function postJson(url: URL, body: unknown, options: PostOptions): Promise<unknown> {
  // An IP literal never goes through `lookup`: check it here.
  const literal = literalAddress(url);
  const why = literal ? refusedAddress(literal, options.allowPrivate) : null;
  if (why) return Promise.reject(new SuggesterCallError(why));
  const payload = Buffer.from(JSON.stringify(body));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, value?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        request.destroy();
        reject(error);
      } else resolve(value);
    };
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup(options.allowPrivate),
        headers: {
          "content-type": "application/json",
          "content-length": payload.length,
          accept: "application/json",
          ...(options.token ? { authorization: authorizationHeader(options.token) } : {}),
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) return finish(new SuggesterCallError(`answered ${status} (a redirect); redirects are not followed`));
        if (status !== 200) return finish(new SuggesterCallError(`answered HTTP ${status}`));
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) return finish(new SuggesterCallError(`response larger than ${options.maxBytes} bytes`));
          chunks.push(chunk);
        });
        response.on("error", (e) => finish(new SuggesterCallError(`response broke off: ${e.message}`)));
        response.on("end", () => {
          try {
            finish(null, JSON.parse(Buffer.concat(chunks).toString("utf8")));
          } catch {
            finish(new SuggesterCallError("response is not JSON"));
          }
        });
      },
    );
    const timer = setTimeout(() => finish(new SuggesterCallError(`no complete answer within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    request.on("error", (e) => finish(e instanceof SuggesterCallError ? e : new SuggesterCallError(`connection failed: ${e.message}`)));
    request.end(payload);
  });
}
