// `npm start`: build the app when the build is missing or older than the sources, then run the server in this process.
import path from "node:path";
import { buildIfStale, root } from "./build-if-stale.js";

buildIfStale();
const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "server.ts"));
