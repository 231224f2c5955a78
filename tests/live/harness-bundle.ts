// Bundles the harness page's script (and with it app/live and app/core/live) for the browser, in memory, with Vite.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Rollup } from "vite";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export async function buildHarnessBundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: "silent",
    resolve: { alias: { "~": path.join(root, "app") } },
    build: {
      write: false,
      minify: false,
      target: "es2022",
      lib: { entry: path.join(root, "tests/live/harness-entry.ts"), formats: ["es"], fileName: "harness" },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((item) => item.type === "chunk" && item.isEntry);
  if (!chunk || chunk.type !== "chunk") throw new Error("Vite produced no entry chunk for the live harness.");
  return chunk.code;
}
