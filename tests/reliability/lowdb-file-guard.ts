// The lowdb data file's guards, end to end with real server processes: a second server on the same file is refused,
// a corrupted file is refused naming the newest backup, and the restore drill (copy that backup over the file)
// brings the server back with the data intact; the same for one damaged attempts shard (ADR 0036), which is refused
// naming that shard's own backup while the other shards stay as they were.
// Run: node --import tsx tests/reliability/lowdb-file-guard.ts
import assert from "node:assert/strict";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { shardFolderFor, shardOf } from "~/storage/lowdb.server";
import { ClinicianClient } from "../../scripts/bench/support/http-client";
import { BENCH_PASSWORD, seedClinicians } from "../../scripts/bench/support/seed";
import { spawnServer, startServer, type RunningServer } from "../../scripts/bench/support/server-process";
import { freePort, freshTarget } from "../../scripts/bench/support/targets";
import { runChecks } from "./support/checks";

const SCENARIO = "sceptical-first-video";

await runChecks("lowdb file guards and the restore drill", async (check) => {
  const target = freshTarget("lowdb", "guard");
  let first: RunningServer | null = null;
  try {
    const store = await target.open();
    const org = await seedClinicians(store, 1);
    await store.close();
    const port = await freePort();
    first = await startServer(target.serverEnv(port));
    const clinician = new ClinicianClient(first.url, org.clinicians[0]!.email);
    await clinician.login(BENCH_PASSWORD);
    const attemptId = await clinician.startAttempt(SCENARIO);
    let view = await clinician.view(attemptId);
    for (let i = 0; i < 2; i++) {
      const reply = await clinician.choose(attemptId, view.choices[0]!.id, view.attempt.step);
      assert.equal(reply.status, 200);
      view = (JSON.parse(reply.body) as { view: typeof view }).view;
    }

    await check(
      "a second server on the same file exits non-zero instead of serving, naming the file and the owner's pid",
      async () => {
        const t0 = Date.now();
        const second = spawnServer(target.serverEnv(await freePort()));
        const exit = await Promise.race([
          second.exited,
          // Bounded, but generous: on a busy machine loading the server's code alone can take seconds. The time it
          // took is printed below (under 1 s on a quiet machine).
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000)),
        ]);
        if (!exit) second.child.kill("SIGKILL");
        assert.ok(exit, `still running after 20 s:\n${second.output()}`);
        assert.notEqual(exit.code, 0);
        assert.ok(second.output().includes(target.dataFile), `does not name ${target.dataFile}:\n${second.output()}`);
        assert.ok(
          second.output().includes(`pid ${first!.pid}`),
          `does not name pid ${first!.pid}:\n${second.output()}`,
        );
        console.log(`       refused in ${Date.now() - t0} ms: ${second.output().trim().split("\n")[0]}`);
        assert.equal((await clinician.view(attemptId)).attempt.step, 2, "the first server was disturbed");
      },
    );

    await first.stop();
    first = null;
    // A restart backs the file up at open, so the newest backup holds both choices.
    await (await startServer(target.serverEnv(port))).stop();
    const good = readFileSync(target.dataFile);
    let newestBackup = "";

    await check("a corrupted file is refused, left unchanged, and the message names the newest backup", async () => {
      const corrupt = good.subarray(0, Math.floor(good.length / 2));
      writeFileSync(target.dataFile, corrupt);
      const refused = spawnServer(target.serverEnv(port));
      const exit = await refused.exited;
      assert.notEqual(exit.code, 0);
      const match = /The newest backup is (\S+?\.json)\./.exec(refused.output());
      assert.ok(match, `no backup named:\n${refused.output()}`);
      newestBackup = match[1]!;
      assert.deepEqual(readFileSync(target.dataFile), corrupt, "the refused file was changed");
    });

    await check(
      "restore drill: copying the newest backup over the file brings the server back with the data intact",
      async () => {
        assert.ok(newestBackup, "no backup to restore");
        copyFileSync(newestBackup, target.dataFile);
        const restored = await startServer(target.serverEnv(port));
        try {
          const again = new ClinicianClient(restored.url, org.clinicians[0]!.email);
          await again.login(BENCH_PASSWORD);
          const back = await again.view(attemptId);
          assert.equal(back.attempt.step, 2);
          assert.deepEqual(
            back.history.map((t) => t.nodeId),
            view.history.map((t) => t.nodeId),
          );
        } finally {
          await restored.stop();
        }
      },
    );

    // The attempt's own shard, damaged: the server must refuse it by name and leave every other shard untouched.
    const shards = shardFolderFor(target.dataFile);
    const shardFile = path.join(shards, `${String(shardOf(attemptId)).padStart(4, "0")}.json`);
    const others = () =>
      readdirSync(shards)
        .filter((n) => n.endsWith(".json") && path.join(shards, n) !== shardFile)
        .map((n) => `${n}:${readFileSync(path.join(shards, n), "utf8")}`);
    const goodShard = readFileSync(shardFile);
    let shardBackup = "";

    await check("a damaged attempts shard is refused naming its own backup, and no other shard changes", async () => {
      const before = others();
      writeFileSync(shardFile, goodShard.subarray(0, Math.floor(goodShard.length / 2)));
      const refused = spawnServer(target.serverEnv(port));
      const exit = await refused.exited;
      assert.notEqual(exit.code, 0);
      assert.ok(refused.output().includes(shardFile), `does not name ${shardFile}:\n${refused.output()}`);
      const match = /The newest backup is (\S+?\.json)\./.exec(refused.output());
      assert.ok(match, `no backup named:\n${refused.output()}`);
      shardBackup = match[1]!;
      assert.equal(path.basename(shardBackup), path.basename(shardFile), "the backup named is not that shard's");
      assert.deepEqual(others(), before, "another shard was changed");
    });

    await check("restore drill for a shard: copying its backup back brings the attempt back intact", async () => {
      assert.ok(shardBackup, "no shard backup to restore");
      copyFileSync(shardBackup, shardFile);
      const restored = await startServer(target.serverEnv(port));
      try {
        const again = new ClinicianClient(restored.url, org.clinicians[0]!.email);
        await again.login(BENCH_PASSWORD);
        const back = await again.view(attemptId);
        assert.equal(back.attempt.step, 2);
        assert.deepEqual(
          back.history.map((t) => t.nodeId),
          view.history.map((t) => t.nodeId),
        );
      } finally {
        await restored.stop();
      }
    });
  } finally {
    await first?.stop();
    await target.remove();
  }
});
