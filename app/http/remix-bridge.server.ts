// Hands an Express request to Remix and Remix's answer back, like @remix-run/express does, except that the body is
// the one bodyLimit already read within its limit (the adapter would read the raw stream again, without a limit).
import { writeReadableStreamToWritable } from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

function remixHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  return headers;
}

export function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // req.hostname honours "trust proxy" but drops the port, which the Host (or X-Forwarded-Host) header still has.
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const port = [portOf(req.get("X-Forwarded-Host")), portOf(req.get("host"))].find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  // Loaders and actions are aborted when the client goes away before the answer is complete.
  const controller = new AbortController();
  let finished = false;
  res.on("finish", () => (finished = true));
  res.on("close", () => finished || controller.abort());
  const body = res.locals.requestBody as Buffer | undefined;
  return new Request(url.href, {
    method: req.method,
    headers: remixHeaders(req),
    signal: controller.signal,
    body: body && req.method !== "GET" && req.method !== "HEAD" ? new Uint8Array(body) : undefined,
  });
}

export async function sendRemixResponse(res: ExpressResponse, response: globalThis.Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
