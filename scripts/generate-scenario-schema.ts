// Writes scenarios/scenario.schema.json from the zod schema; run after changing app/core/scenario/schema.ts:
//   npx tsx scripts/generate-scenario-schema.ts
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchemaText } from "../app/core/scenario/json-schema";

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "scenarios", "scenario.schema.json");
await writeFile(target, scenarioJsonSchemaText());
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
