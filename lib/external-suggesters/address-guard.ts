// Which resolved addresses an external suggester may be reached at (SSRF guard). Link-local and
// cloud metadata addresses are never allowed; loopback and private ranges only when the
// deployment says so (EXTERNAL_SUGGESTERS_ALLOW_PRIVATE), e.g. a model server beside the app.
import net from "node:net";

function blockList(ranges: Array<[string, number, "ipv4" | "ipv6"]>): net.BlockList {
  const list = new net.BlockList();
  for (const [address, prefix, family] of ranges) list.addSubnet(address, prefix, family);
  return list;
}

const ALWAYS = blockList([
  ["0.0.0.0", 8, "ipv4"], // "this network"; 0.0.0.0 reaches the local host
  ["169.254.0.0", 16, "ipv4"], // link-local, incl. 169.254.169.254 (AWS, GCP, Azure, OpenStack metadata)
  ["100.100.100.200", 32, "ipv4"], // Alibaba Cloud metadata
  ["192.0.0.192", 32, "ipv4"], // Oracle Cloud metadata
  ["224.0.0.0", 4, "ipv4"], // multicast
  ["240.0.0.0", 4, "ipv4"], // reserved, broadcast
  ["::", 128, "ipv6"], // unspecified
  ["fe80::", 10, "ipv6"], // link-local
  ["fd00:ec2::254", 128, "ipv6"], // AWS metadata over IPv6
  ["ff00::", 8, "ipv6"], // multicast
]);

const PRIVATE = blockList([
  ["127.0.0.0", 8, "ipv4"],
  ["10.0.0.0", 8, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  ["100.64.0.0", 10, "ipv4"], // carrier-grade NAT
  ["198.18.0.0", 15, "ipv4"], // benchmarking
  ["::1", 128, "ipv6"],
  ["fc00::", 7, "ipv6"], // unique local
]);

/** An IPv4 address carried in IPv6 (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::/96 NAT64) is judged as IPv4. */
function embeddedIpv4(address: string): string | null {
  const m = /^(?:::ffff:(?:0:)?|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/iu.exec(address);
  if (m) return m[1]!;
  const hex = /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/iu.exec(address);
  if (!hex) return null;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Why the address is refused, or null when a suggester may be called there. */
export function refusedAddress(address: string, allowPrivate: boolean): string | null {
  const family = net.isIP(address);
  if (family === 0) return `"${address}" is not an IP address`;
  const v4 = family === 6 ? embeddedIpv4(address) : address;
  const [addr, type] = v4 ? [v4, "ipv4" as const] : [address, "ipv6" as const];
  if (ALWAYS.check(addr, type)) return `${address} is a link-local, metadata or reserved address`;
  if (!allowPrivate && PRIVATE.check(addr, type)) return `${address} is a loopback or private address (allowed only with EXTERNAL_SUGGESTERS_ALLOW_PRIVATE=1)`;
  return null;
}
