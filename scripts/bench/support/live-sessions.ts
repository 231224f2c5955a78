// Live sessions driven over HTTP as the pages drive them: the clinician creates one from a scenario, colleagues join
// with its code, and every participant holds the signalling event stream (a server-sent-events reader in Node).
import http from "node:http";
import type { ClinicianClient } from "./http-client";

export type LiveRole = "learner" | "actor" | "observer";

export interface LiveParticipant {
  client: ClinicianClient;
  /** The user id (as seeded): Webside names participants by it in `from` and `to`. */
  userId: string;
  role: LiveRole;
  /** The instance this participant's requests and stream go to. */
  base: string;
}

export interface BenchSession {
  id: string;
  participants: LiveParticipant[];
}

/** Streams get their own sockets, never the keep-alive pool the posts use, and nothing caps how many are open. */
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

export interface EventStream {
  /** Resolves when the response headers arrive (status 200), rejects otherwise. */
  opened: Promise<void>;
  close(): void;
}

/** Opens /live/:id/events and calls `onData` with each event's data (named events such as `closed` are skipped). */
export function openEventStream(base: string, sessionId: string, cookie: string, onData: (data: string) => void) {
  let request: http.ClientRequest | null = null;
  const opened = new Promise<void>((resolve, reject) => {
    request = http.get(
      `${base}/live/${sessionId}/events`,
      { headers: { Cookie: cookie, Accept: "text/event-stream" }, agent: streamAgent },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`The event stream answered HTTP ${res.statusCode}`));
          return;
        }
        resolve();
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const lines = block.split("\n");
            if (lines.some((line) => line.startsWith("event:"))) continue;
            const data = lines.filter((line) => line.startsWith("data: ")).map((line) => line.slice(6));
            if (data.length > 0) onData(data.join("\n"));
          }
        });
        res.on("error", () => undefined);
      },
    );
    request.on("error", reject);
    // Bounded: a stream that never answers fails the configuration instead of hanging the run.
    request.setTimeout(30_000, () => request?.destroy(new Error("The event stream did not open within 30 s")));
  });
  void opened.then(() => request?.setTimeout(0)).catch(() => undefined);
  return { opened, close: () => request?.destroy() } satisfies EventStream;
}

const JOIN_CODE = /data-testid="join-code">([0-9A-Z]{4}-[0-9A-Z]{4})</;
const SESSION_PATH = /^\/live\/([0-9a-f-]{36})$/;

/** The learner creates a session of `scenarioId`; each colleague joins with its code in the given role. */
export async function createSession(
  scenarioId: string,
  learner: Omit<LiveParticipant, "role">,
  colleagues: Array<Omit<LiveParticipant, "role"> & { role: "actor" | "observer" }>,
): Promise<BenchSession> {
  const created = await learner.client.postForm(`/live/new/${scenarioId}`, {}, learner.base);
  const id = SESSION_PATH.exec(created.location ?? "")?.[1];
  if (created.status !== 302 || !id) throw new Error(`Creating a live session answered HTTP ${created.status}`);
  const page = await learner.client.get(`/live/${id}`, learner.base);
  const code = JOIN_CODE.exec(page.body)?.[1];
  if (!code) throw new Error(`The live page (HTTP ${page.status}) showed no join code`);
  const participants: LiveParticipant[] = [{ ...learner, role: "learner" }];
  for (const colleague of colleagues) {
    const joined = await colleague.client.postForm(
      `/live/join/${code.replace("-", "")}`,
      { role: colleague.role },
      colleague.base,
    );
    if (joined.status !== 302 || joined.location !== `/live/${id}`)
      throw new Error(`Joining as ${colleague.role} answered HTTP ${joined.status} ${joined.body.slice(0, 200)}`);
    participants.push(colleague);
  }
  return { id, participants };
}

/** The learner ends the session, so nothing of it lingers into the next configuration. */
export async function endSession(session: BenchSession): Promise<void> {
  const learner = session.participants.find((p) => p.role === "learner")!;
  await learner.client.postForm(`/live/${session.id}`, { intent: "end" }, learner.base);
}
