import { describe, expect, it } from "vitest";
import { refusedAddress } from "./address-guard";

describe("refusedAddress", () => {
  it("always refuses link-local, metadata and reserved addresses, also spelled as IPv6", () => {
    for (const a of ["169.254.169.254", "169.254.0.1", "100.100.100.200", "0.0.0.0", "fe80::1", "fd00:ec2::254", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "::", "224.0.0.1", "255.255.255.255"])
      for (const allowPrivate of [false, true]) expect(refusedAddress(a, allowPrivate), `${a} ${allowPrivate}`).toMatch(/link-local|metadata|reserved/);
  });

  it("refuses loopback and private ranges unless allowed", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.5", "172.31.255.255", "192.168.1.1", "100.64.0.1", "::1", "fd12::1", "::ffff:127.0.0.1", "::ffff:7f00:1"]) {
      expect(refusedAddress(a, false), a).toMatch(/loopback or private/);
      expect(refusedAddress(a, true), a).toBeNull();
    }
  });

  it("lets public addresses through and refuses non-addresses", () => {
    for (const a of ["93.184.216.34", "172.32.0.1", "8.8.8.8", "2606:4700::1111"]) expect(refusedAddress(a, false), a).toBeNull();
    expect(refusedAddress("example.com", true)).toMatch(/not an IP address/);
  });
});
