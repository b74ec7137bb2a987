import { describe, expect, it } from "vitest";
import { bindHost } from "./bind-host";

describe("bindHost", () => {
  it("demo mode binds the loopback interface by default", () => {
    expect(bindHost({ demo: true, host: undefined })).toEqual({ host: "127.0.0.1", warning: null });
    expect(bindHost({ demo: true, host: " " })).toEqual({ host: "127.0.0.1", warning: null });
  });

  it("demo mode on another interface binds it and warns that the demo passwords are public", () => {
    const decision = bindHost({ demo: true, host: "0.0.0.0" });
    expect(decision.host).toBe("0.0.0.0");
    expect(decision.warning).toMatch(/demo passwords/);
    expect(bindHost({ demo: true, host: "::1" }).warning).toBeNull();
  });

  it("server mode binds what HOST says, or Next.js's default", () => {
    expect(bindHost({ demo: false, host: undefined })).toEqual({ host: null, warning: null });
    expect(bindHost({ demo: false, host: "10.0.0.5" })).toEqual({ host: "10.0.0.5", warning: null });
  });
});
