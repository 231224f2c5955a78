// A tiny 127.0.0.1 static server for browser checks: URL prefixes map to folders, single files or in-memory bytes.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

export type Route = { dir: string } | { file: string } | { bytes: Uint8Array | string; type?: string };

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".task": "application/octet-stream",
  ".tflite": "application/octet-stream",
};

export interface StaticServer {
  origin: string;
  /** Paths that were requested, in order (to prove what the page fetched). */
  requests: string[];
  close: () => Promise<void>;
}

export async function startStaticServer(routes: Record<string, Route>): Promise<StaticServer> {
  const requests: string[] = [];
  // Longest prefix first, so "/check/x.task" beats "/check/".
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    requests.push(path);
    const prefix = prefixes.find((p) => (p.endsWith("/") ? path.startsWith(p) : path === p));
    const route = prefix === undefined ? undefined : routes[prefix];
    const send = (status: number, body: Uint8Array | string, type = "text/plain") => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    if (!route || prefix === undefined) return send(404, `Not found: ${path}`);
    if ("bytes" in route)
      return send(200, route.bytes, route.type ?? TYPES[extname(path)] ?? "application/octet-stream");
    const file = "file" in route ? route.file : join(route.dir, normalize(path.slice(prefix.length)));
    if ("dir" in route && !file.startsWith(route.dir + sep) && file !== route.dir)
      return send(403, "Outside the served folder");
    if (!existsSync(file) || !statSync(file).isFile()) return send(404, `Not found: ${path}`);
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
