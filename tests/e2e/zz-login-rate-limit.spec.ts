// Runs last (files run in name order on one worker): after it, this account is throttled from this address for 15
// minutes (ADR 0050).
import { expect, test } from "@playwright/test";

test("the 11th wrong password for one account from one address is refused with a clear message", async ({
  request,
  baseURL,
}) => {
  const email = "nobody-here@example.org";
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const response = await request.post("/login", {
      headers: { Origin: baseURL! },
      form: { email, password: "wrong password" },
    });
    statuses.push(response.status());
  }
  // Earlier tests' failures from this address count too, so the limit may bite a little before the 11th.
  expect(statuses[0]).toBe(400);
  expect(statuses[10]).toBe(429);
  const refused = await request.post("/login", {
    headers: { Origin: baseURL! },
    form: { email, password: "wrong password" },
  });
  expect(refused.status()).toBe(429);
  expect(refused.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(await refused.text()).toContain("Too many login attempts");
});
