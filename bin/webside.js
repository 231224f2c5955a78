#!/usr/bin/env node
// Launcher for the `webside` command: loads the TypeScript CLI through tsx so a checkout needs no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../app/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
