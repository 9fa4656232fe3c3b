import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";

const h = (o: Record<string, string>) => new Headers(o);

describe("clientIpFrom", () => {
  it("ignores a forged X-Forwarded-For when no proxy is trusted", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "1.2.3.4", "x-portal-remote-addr": "127.0.0.1" }), false)).toBe("127.0.0.1");
  });
  it("takes the entry our proxy appended (the last) when a proxy is trusted", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "6.6.6.6, 10.0.0.9", "x-portal-remote-addr": "10.0.0.1" }), true)).toBe("10.0.0.9");
  });
  it("falls back to the socket address, then to 'unknown'", () => {
    expect(clientIpFrom(h({ "x-portal-remote-addr": "::1" }), true)).toBe("::1");
    expect(clientIpFrom(h({}), false)).toBe("unknown");
  });
});
