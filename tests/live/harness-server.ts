// A loopback test server for the WebRTC layer: serves the harness page and bundle, and relays signals in memory.
// It follows the transport the ADR (0054) describes, minus sign-in: a stream per participant, POSTed batches checked
// with the core schema, directed messages to their addressee only, broadcasts to everyone, replay from Last-Event-ID.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readSignalBatch } from "../../app/core/live/signal-parse.ts";
import { SIGNAL_LIMITS, type PeerMessage, type ServerMessage } from "../../app/core/live/signal-schema.ts";

interface Stored {
  id: number;
  at: string;
  from: string | null;
  /** null = everyone */
  to: string | null;
  message: PeerMessage | ServerMessage;
}

export interface HarnessServer {
  origin: string;
  /** Sends one of Webside's own messages (script, session, presence) to everyone. */
  broadcast(message: ServerMessage): void;
  /** How many messages each participant has posted, by type. */
  posted: Map<string, Record<string, number>>;
  /** The largest message of each type relayed so far, in characters of JSON (to keep the schema's caps honest). */
  largest: Record<string, number>;
  log: Stored[];
  close(): Promise<void>;
}

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Live harness</title>
<body><h1>Live harness</h1><video id="self" muted autoplay playsinline width="160"></video><div id="peers"></div>
<script type="module" src="/harness.js"></script></body></html>`;

function addressee(message: PeerMessage | ServerMessage): string | null {
  return "to" in message && typeof message.to === "string" ? message.to : null;
}

export async function startHarnessServer(bundle: string): Promise<HarnessServer> {
  const log: Stored[] = [];
  const streams = new Map<string, Set<ServerResponse>>();
  const posted = new Map<string, Record<string, number>>();
  const largest: Record<string, number> = {};

  const line = (stored: Stored) =>
    `id: ${stored.id}\ndata: ${JSON.stringify({ id: String(stored.id), at: stored.at, from: stored.from, message: stored.message })}\n\n`;

  function publish(from: string | null, message: PeerMessage | ServerMessage): void {
    const stored: Stored = { id: log.length + 1, at: new Date().toISOString(), from, to: addressee(message), message };
    log.push(stored);
    for (const [participant, responses] of streams) {
      if (stored.to !== null && stored.to !== participant) continue;
      for (const response of responses) response.write(line(stored));
    }
  }

  function openStream(request: IncomingMessage, response: ServerResponse, me: string): void {
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
    response.write(": open\n\n");
    const url = new URL(request.url ?? "/", "http://localhost");
    // The header (the browser's own reconnect) is newer than the query (the page's reconnect) when both are sent.
    const resumeFrom = Number(request.headers["last-event-id"] ?? url.searchParams.get("lastEventId") ?? log.length);
    for (const stored of log) {
      if (stored.id > resumeFrom && (stored.to === null || stored.to === me)) response.write(line(stored));
    }
    const mine = streams.get(me) ?? new Set();
    mine.add(response);
    streams.set(me, mine);
    request.on("close", () => mine.delete(response));
  }

  async function relay(request: IncomingMessage, response: ServerResponse, me: string): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > SIGNAL_LIMITS.batchBytes + 1024) break;
      chunks.push(chunk as Buffer);
    }
    const reading = readSignalBatch(Buffer.concat(chunks).toString("utf8"));
    if (!reading.ok) {
      response
        .writeHead(400, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, error: reading.reason }));
      return;
    }
    const counts = posted.get(me) ?? {};
    for (const message of reading.value) {
      counts[message.type] = (counts[message.type] ?? 0) + 1;
      largest[message.type] = Math.max(largest[message.type] ?? 0, JSON.stringify(message).length);
      publish(me, message);
    }
    posted.set(me, counts);
    response.writeHead(204).end();
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const me = url.searchParams.get("me") ?? "";
    if (url.pathname === "/") return void response.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    if (url.pathname === "/harness.js") {
      return void response.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    }
    if (url.pathname === "/events" && me) return openStream(request, response, me);
    if (url.pathname === "/signal" && me && request.method === "POST") return void relay(request, response, me);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    broadcast: (message) => publish(null, message),
    posted,
    largest,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const responses of streams.values()) for (const response of responses) response.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
