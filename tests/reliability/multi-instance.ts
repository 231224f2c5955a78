// Two app instances on one PostgreSQL schema with no sticky sessions: a clinician's session and attempt must work
// whichever instance serves each request. Run: node --import tsx tests/reliability/multi-instance.ts
// (DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/test; a fresh schema is made and dropped.)
import assert from "node:assert/strict";
import { ClinicianClient } from "../../scripts/bench/support/http-client";
import { BENCH_PASSWORD, seedClinicians } from "../../scripts/bench/support/seed";
import { startServer, type RunningServer } from "../../scripts/bench/support/server-process";
import { freePort, freshTarget } from "../../scripts/bench/support/targets";
import { readPracticePage } from "./support/practice-page";
import { runChecks } from "./support/checks";

const SCENARIO = "red-flags-chest-pain";

await runChecks("multi-instance (PostgreSQL)", async (check) => {
  const target = freshTarget("postgres", "multi");
  const servers: RunningServer[] = [];
  try {
    const store = await target.open();
    const org = await seedClinicians(store, 1);
    await store.close();
    // Started together, as an orchestrator would: migrations at start take turns under an advisory lock.
    const [a, b] = await Promise.all([
      startServer(target.serverEnv(await freePort())),
      startServer(target.serverEnv(await freePort())),
    ]);
    servers.push(a!, b!);
    const clinician = new ClinicianClient(a!.url, org.clinicians[0]!.email);
    let attemptId = "";

    await check("logging in on A gives a session B accepts", async () => {
      await clinician.login(BENCH_PASSWORD, a!.url);
      const home = await clinician.get("/", b!.url);
      assert.equal(home.status, 200, `B answered ${home.status} ${home.location ?? ""}`);
      assert.match(home.body, /Bench clinician 0/);
    });

    await check("an attempt started on A opens on B", async () => {
      attemptId = await clinician.startAttempt(SCENARIO, a!.url);
      const page = await clinician.get(`/attempts/${attemptId}`, b!.url);
      assert.equal(page.status, 200);
      assert.equal(readPracticePage(page.body).step, 0);
    });

    const chosen: string[] = [];
    await check(
      "choices alternate between A and B, each page reloaded on B shows the step the other instance stored",
      async () => {
        for (let turn = 0; turn < 40; turn++) {
          const via = turn % 2 === 0 ? a! : b!;
          const before = readPracticePage((await clinician.get(`/attempts/${attemptId}`, via.url)).body);
          assert.equal(
            before.step,
            chosen.length,
            `instance ${via === a ? "A" : "B"} shows step ${before.step} after ${chosen.length} choices`,
          );
          const choiceId = before.choiceIds[turn % before.choiceIds.length]!;
          const reply = await clinician.postForm(
            `/attempts/${attemptId}`,
            { intent: "choose", choiceId, step: String(before.step) },
            via.url,
          );
          chosen.push(choiceId);
          // The page answers a choice with post/redirect/get (or, in older versions, the page itself).
          if (reply.location === `/attempts/${attemptId}/debrief`) return;
          assert.ok(
            reply.status === 200 || (reply.status === 302 && reply.location === `/attempts/${attemptId}`),
            `choice ${turn + 1} on ${via === a ? "A" : "B"}: HTTP ${reply.status} ${reply.location ?? ""}`,
          );
          const reloaded = readPracticePage((await clinician.get(`/attempts/${attemptId}`, b!.url)).body);
          assert.equal(reloaded.step, chosen.length, "B did not see the choice just stored");
        }
        assert.fail("the scenario did not end within 40 choices");
      },
    );

    await check("the debrief opens on either instance and the stored attempt matches the choices made", async () => {
      for (const via of [a!, b!])
        assert.equal((await clinician.get(`/attempts/${attemptId}/debrief`, via.url)).status, 200);
      const reader = await target.open();
      try {
        const attempt = await reader.getAttempt(attemptId);
        assert.ok(attempt);
        assert.equal(attempt.status, "completed");
        // One stored change per choice (the last one completes the attempt in the same write).
        assert.equal(attempt.revision, chosen.length);
        assert.equal(attempt.path.length, chosen.length + 1);
        const completions = await reader.listAudit({ orgId: org.orgId, type: "attempt.complete" });
        assert.equal(completions.filter((e) => e.detail.attemptId === attemptId).length, 1);
      } finally {
        await reader.close();
      }
    });

    await check(
      "the same choice sent to A and B at once: exactly one is stored, the other is told it is out of date",
      async () => {
        const second = await clinician.startAttempt(SCENARIO, b!.url);
        const page = readPracticePage((await clinician.get(`/attempts/${second}`, a!.url)).body);
        const replies = await Promise.all(
          [a!, b!].map((via) => clinician.choose(second, page.choiceIds[0]!, page.step, via.url)),
        );
        const statuses = replies.map((r) => r.status).sort();
        assert.deepEqual(
          statuses,
          [200, 409],
          `${replies.map((r) => r.body.slice(0, 120)).join(" | ")}\nA said:\n${a!.output().slice(-1500)}\nB said:\n${b!.output().slice(-1500)}`,
        );
        assert.equal((await clinician.view(second, a!.url)).attempt.step, 1);
      },
    );

    await check("logging out on B ends the session on A too", async () => {
      const out = await clinician.postForm("/logout", {}, b!.url);
      assert.ok(out.status === 302 || out.status === 200, `logout answered ${out.status}`);
      const home = await clinician.get(`/attempts/${attemptId}/debrief`, a!.url);
      assert.equal(home.status, 302);
      assert.match(home.location ?? "", /^\/login/);
    });
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await target.remove();
  }
});
