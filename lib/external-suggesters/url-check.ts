// A suggester URL is checked when it is registered and again on every call (DNS may change).
import dns from "node:dns/promises";
import net from "node:net";
import { refusedAddress } from "./address-guard";

/** The host as an IP literal (IPv6 without brackets), or null for a name. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/u, "$1");
  return net.isIP(host) ? host : null;
}

/** Null when the URL may be called, else why not (for a 400 or the suggester's last error). */
export async function urlProblem(raw: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "the URL is not valid";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "the URL must start with http:// or https://";
  if (url.username || url.password) return "put credentials in the token, not in the URL";
  const literal = literalAddress(url);
  if (literal) return refusedAddress(literal, allowPrivate);
  let addresses: { address: string }[];
  try {
    addresses = await dns.lookup(url.hostname, { all: true, verbatim: true });
  } catch {
    return `the host ${url.hostname} does not resolve`;
  }
  if (addresses.length === 0) return `the host ${url.hostname} does not resolve`;
  for (const a of addresses) {
    const why = refusedAddress(a.address, allowPrivate);
    if (why) return `${url.hostname} resolves to ${why}`;
  }
  return null;
}
