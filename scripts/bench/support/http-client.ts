// A small HTTP client for scripts that drive a running Webside like a browser would: keep-alive sockets, the session
// cookie, the Origin header every mutation needs, and no redirect following (the scripts look at the Location).
import http from "node:http";

export interface HttpReply {
  status: number;
  location: string | null;
  setCookie: string[];
  body: string;
}

/** One shared pool of loopback sockets per script; enough for every simulated clinician's request at once. */
export const loopbackAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 2048 });

export function httpRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    timeoutMs?: number;
    agent?: http.Agent;
  } = {},
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? "GET", headers: options.headers, agent: options.agent ?? loopbackAgent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location ?? null,
            setCookie: res.headers["set-cookie"] ?? [],
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    // Bounded: a request to a dead or stuck server must end, never hang the script.
    req.setTimeout(options.timeoutMs ?? 30_000, () =>
      req.destroy(Object.assign(new Error(`${options.method ?? "GET"} ${url} timed out`), { code: "ETIMEDOUT" })),
    );
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** What the JSON practice API returns (the fields the scripts use). */
export interface ApiView {
  /** `step` is the clinician's step: choices made so far (not the record's revision). */
  attempt: { id: string; status: "in-progress" | "completed" | "abandoned"; step: number };
  history: Array<{ nodeId: string }>;
  choices: Array<{ id: string }>;
}

/** One signed-in person talking to one or more instances of the app (the cookie works on all of them). */
export class ClinicianClient {
  cookie: string | null = null;

  constructor(
    public baseUrl: string,
    readonly email: string,
  ) {}

  private headers(extra: Record<string, string> = {}, mutation = false): Record<string, string> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookie) headers.Cookie = this.cookie;
    if (mutation) headers.Origin = new URL(this.baseUrl).origin;
    return headers;
  }

  get(path: string, base = this.baseUrl, timeoutMs?: number): Promise<HttpReply> {
    return httpRequest(base + path, { headers: this.headers(), timeoutMs });
  }

  /** A form POST as a browser sends it, with the Origin of the instance it goes to. */
  postForm(path: string, form: Record<string, string>, base = this.baseUrl): Promise<HttpReply> {
    const body = new URLSearchParams(form).toString();
    const headers = {
      ...this.headers({ "Content-Type": "application/x-www-form-urlencoded" }, true),
      Origin: new URL(base).origin,
    };
    return httpRequest(base + path, { method: "POST", headers, body });
  }

  async login(password: string, base = this.baseUrl): Promise<void> {
    const reply = await this.postForm("/login", { email: this.email, password }, base);
    const cookie = reply.setCookie.map((c) => c.split(";")[0]!).find((c) => /webside/.test(c));
    if (reply.status !== 302 || !cookie)
      throw new Error(`Login as ${this.email} failed: HTTP ${reply.status} ${reply.body.slice(0, 200)}`);
    this.cookie = cookie;
  }

  /** Starts an attempt through the scenario page's form and returns its id. */
  async startAttempt(scenarioId: string, base = this.baseUrl): Promise<string> {
    const reply = await this.postForm(`/scenarios/${scenarioId}`, { confidence: "3", mode: "learning" }, base);
    const id = /^\/attempts\/([^/?#]+)$/.exec(reply.location ?? "")?.[1];
    if (reply.status !== 302 || !id)
      throw new Error(
        `Starting ${scenarioId} as ${this.email} failed: HTTP ${reply.status} ${reply.body.slice(0, 200)}`,
      );
    return id;
  }

  async view(attemptId: string, base = this.baseUrl, timeoutMs?: number): Promise<ApiView> {
    const reply = await this.get(`/api/attempts/${attemptId}/choose`, base, timeoutMs);
    if (reply.status !== 200)
      throw new Error(`Reading attempt ${attemptId} failed: HTTP ${reply.status} ${reply.body.slice(0, 200)}`);
    return (JSON.parse(reply.body) as { view: ApiView }).view;
  }

  /**
   * One choice through the JSON API, sent with the step (choices made) the caller last saw, so the server refuses it
   * as stale if the attempt has moved on; the reply's status says whether it was acknowledged (200).
   */
  choose(
    attemptId: string,
    choiceId: string,
    step: number,
    base = this.baseUrl,
    timeoutMs?: number,
  ): Promise<HttpReply> {
    return this.postJson(`/api/attempts/${attemptId}/choose`, { choiceId, step }, base, timeoutMs);
  }

  /** A JSON POST as the pages' scripts send it (fetch with the Origin of the instance it goes to). */
  postJson(path: string, body: unknown, base = this.baseUrl, timeoutMs?: number): Promise<HttpReply> {
    const headers = { ...this.headers({ "Content-Type": "application/json" }, true), Origin: new URL(base).origin };
    return httpRequest(base + path, { method: "POST", headers, body: JSON.stringify(body), timeoutMs });
  }
}
