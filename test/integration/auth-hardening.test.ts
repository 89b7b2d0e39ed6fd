/**
 * Sign-in under attack: parallel guesses cannot outrun the rate limit (the attempt is reserved
 * before the password is hashed), `next` cannot redirect off-site nor break the Location header,
 * and request bodies are capped before anything parses them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/auth/password";
import { saveUser } from "../../src/store/users";
import { safeNext } from "../../web/auth/routes";
import { webFixture } from "../helpers/web";

const PASSWORD = "correct horse battery staple";

function formCookie(res: Response): string {
  const c = res.headers.getSetCookie().find((x) => x.startsWith("cairn_signin=")) ?? "";
  return (c.split(";")[0] ?? "").slice("cairn_signin=".length);
}

describe("sign-in hardening", () => {
  const fixture = webFixture({}, new Date("2026-11-18T10:00:00Z"), {
    auth: { clientAddress: (c) => c.req.header("x-test-client") ?? "203.0.113.9" },
  });
  beforeAll(async () => {
    await saveUser(
      fixture.store,
      { email: "anne@example.org", role: "viewer", passwordHash: await hashPassword(PASSWORD) },
      "2026-11-01T00:00:00Z",
    );
  });
  afterAll(() => fixture.close());

  async function post(fields: Record<string, string>, client: string, next?: string) {
    const form = await fixture.app.request("/signin", { headers: { "x-test-client": client } });
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
    return fixture.app.request("/signin", {
      method: "POST",
      headers: {
        cookie: `cairn_signin=${formCookie(form)}`,
        "content-type": "application/x-www-form-urlencoded",
        "x-test-client": client,
      },
      body: new URLSearchParams({ ...fields, _csrf: token, ...(next === undefined ? {} : { next }) }).toString(),
    });
  }

  it("checks at most 5 of 40 parallel guesses: the attempt is reserved before hashing", async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post({ email: "anne@example.org", password: `guess ${i}` }, "198.51.100.40"),
      ),
    );
    const statuses = answers.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - checked);
  });

  it("a right password still signs in after a few failures, and successes do not lock the address", async () => {
    const client = "198.51.100.41";
    for (let i = 0; i < 4; i++)
      expect((await post({ email: "anne@example.org", password: "no" }, client)).status).toBe(401);
    expect((await post({ email: "anne@example.org", password: PASSWORD }, client)).status).toBe(303);
    for (let i = 0; i < 35; i++) {
      expect((await post({ email: "anne@example.org", password: PASSWORD }, client)).status).toBe(303);
    }
  });

  it.each([
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/\r\nSet-Cookie: x=1", "/"],
    ["/ /evil.example", "/"],
    ["/\\evil.example", "/"],
    ["//evil.example", "/"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/costs?groupBy=day&from=2026-10-01#top", "/costs?groupBy=day&from=2026-10-01#top"],
    ["/", "/"],
  ])("safeNext(%j) is %j", (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });

  it("never redirects off-site through a tab or line break in next, and never answers 500", async () => {
    for (const next of ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example"]) {
      const res = await post({ email: "anne@example.org", password: PASSWORD }, "198.51.100.42", next);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/");
    }
    const query = await fixture.app.request("/signin?next=/%09/evil.example", { headers: { "x-test-client": "x" } });
    expect(query.status).toBe(200);
    expect(await query.text()).toContain('name="next" value="/"');
  });

  it("refuses a large body with 413 before parsing it, announced or streamed", async () => {
    const big = "email=a&password=".padEnd(2 * 1024 * 1024, "x");
    const announced = await fixture.app.request("/signin", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(big.length) },
      body: big,
    });
    expect(announced.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 32; i++) controller.enqueue(new TextEncoder().encode("x".repeat(64 * 1024)));
        controller.close();
      },
    });
    const streamed = await fixture.app.request("/signin", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const api = await fixture.app.request("/api/v1/costs", { method: "POST", body: big });
    expect(api.status).toBe(413);
  });
});
