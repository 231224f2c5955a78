// Where Webside may send xAPI statements (ADR 0052): an admin types the LRS address, and the server then POSTs there
// with saved credentials, so the address must not reach the server's own network. https only in production; after
// DNS resolution no loopback, private, link-local (cloud metadata) or other non-public address unless
// LRS_ALLOW_PRIVATE=true; checked when saved and again at every connection (a name can change what it resolves to).
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export interface LrsRules {
  production: boolean;
  allowPrivate: boolean;
}

export class LrsAddressRefused extends Error {}

const INTERNAL =
  "points at an internal address (loopback, private network, link-local or cloud metadata), which Webside does not send statements to. Use the LRS's public https address, or set LRS_ALLOW_PRIVATE=true if your LRS really is on your own network.";

/** Why this address may not be used, or null when it may. Only "unicast" (public) ranges pass. */
export function addressProblem(address: string, rules: LrsRules): string | null {
  if (rules.allowPrivate) return null;
  if (!ipaddr.isValid(address)) return `The LRS address ${address} is not an IP address.`;
  const parsed = ipaddr.process(address);
  return parsed.range() === "unicast" ? null : `The LRS endpoint ${INTERNAL}`;
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );
}

/** Why this endpoint may not be saved, or null. Resolves the name, so a name for an internal address is refused. */
export async function checkLrsEndpoint(endpoint: string, rules: LrsRules): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "Enter the LRS endpoint as a full address, e.g. https://lrs.example.nhs.uk/xapi/";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !rules.production)) {
    return rules.production
      ? "The LRS endpoint must start with https:// (statements carry staff names and results)."
      : "The LRS endpoint must start with https:// (or http:// for a test LRS outside production).";
  }
  if (url.username || url.password) {
    return "Put the LRS key and secret in their own fields, not in the address (no username or password before @).";
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (rules.allowPrivate) return null;
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await resolveAll(host)).map((a) => a.address);
  } catch {
    return `The LRS host ${host} could not be found. Check the address.`;
  }
  for (const address of addresses) {
    const problem = addressProblem(address, rules);
    if (problem) return problem;
  }
  return null;
}

/** A DNS lookup for outgoing sockets that fails on any non-public answer, so the check holds at connection time. */
export function publicOnlyLookup(rules: LrsRules): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const refused = addresses.map((a) => addressProblem(a.address, rules)).find(Boolean);
      if (refused) return callback(new LrsAddressRefused(refused), "", 4);
      if (options.all) return callback(null, addresses as never);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

export interface LrsAnswer {
  status: number;
  statusText: string;
}

/**
 * Sends one request to the LRS and reports only the status (with the standard name for it, not the remote's
 * wording): no redirect is followed (Node's http never does) and the body is not read, so nothing the remote host
 * says is stored or shown.
 */
export function requestLrs(
  url: string,
  request: { method: "GET" | "POST"; headers: Record<string, string>; body?: string; timeoutMs: number },
  rules: LrsRules,
): Promise<LrsAnswer> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  if (target.protocol !== "https:" && (rules.production || target.protocol !== "http:")) {
    return Promise.reject(new LrsAddressRefused("The LRS endpoint must start with https://."));
  }
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(literal)) {
    const problem = addressProblem(literal, rules);
    if (problem) return Promise.reject(new LrsAddressRefused(problem));
  }
  const headers =
    request.body === undefined
      ? request.headers
      : { ...request.headers, "Content-Length": String(Buffer.byteLength(request.body)) };
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      { method: request.method, headers, lookup: publicOnlyLookup(rules), agent: false, timeout: request.timeoutMs },
      (res) => {
        // The status is all Webside keeps; the body is never read, so a huge or endless one costs nothing.
        const status = res.statusCode ?? 0;
        res.destroy();
        resolve({ status, statusText: http.STATUS_CODES[status] ?? "" });
      },
    );
    req.on("timeout", () =>
      req.destroy(Object.assign(new Error("no answer within the time limit"), { name: "TimeoutError" })),
    );
    req.on("error", reject);
    req.end(request.body);
  });
}

/** POSTs statements to the LRS (see requestLrs). */
export function postToLrs(
  url: string,
  request: { headers: Record<string, string>; body: string; timeoutMs: number },
  rules: LrsRules,
): Promise<LrsAnswer> {
  return requestLrs(url, { ...request, method: "POST" }, rules);
}

/** Why a request did not reach the LRS, in our words (a local error, never anything the remote host sent). */
export function lrsErrorReason(error: unknown): string {
  if (error instanceof LrsAddressRefused) return error.message;
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return "no answer within the time limit";
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ECONNREFUSED") return "the connection was refused (nothing is listening at that address and port)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the host name could not be found";
  if (code === "ECONNRESET") return "the connection was closed before an answer came";
  return error.message;
}

/** What an answer's status means for the admin (only the status and our own words), or null for a success. */
export function lrsStatusProblem({ status, statusText }: LrsAnswer): string | null {
  if (status >= 200 && status < 300) return null;
  const hint =
    status === 401 || status === 403
      ? " Check the key and secret."
      : status === 404
        ? " Check the endpoint: it should be the xAPI address, the part before /statements."
        : status >= 300 && status < 400
          ? " Webside does not follow redirects: enter the LRS's final address."
          : "";
  return `The LRS answered ${status}${statusText ? ` (${statusText})` : ""}.${hint}`;
}

/** The xAPI version and basic-auth headers every request to the LRS carries. */
export function lrsHeaders(lrs: { username: string; password: string }): Record<string, string> {
  return {
    "X-Experience-API-Version": "1.0.3",
    Authorization: `Basic ${Buffer.from(`${lrs.username}:${lrs.password}`).toString("base64")}`,
  };
}

export function statementsUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, "")}/statements`;
}

/**
 * Whether the LRS takes these credentials: fetches one statement (GET /statements?limit=1, which every xAPI 1.0.3
 * LRS answers) and reports the outcome in a sentence built from the status alone.
 */
export async function testLrsConnection(
  lrs: { endpoint: string; username: string; password: string },
  rules: LrsRules,
  timeoutMs = 5_000,
): Promise<{ ok: boolean; message: string }> {
  try {
    const answer = await requestLrs(
      `${statementsUrl(lrs.endpoint)}?limit=1`,
      { method: "GET", headers: lrsHeaders(lrs), timeoutMs },
      rules,
    );
    const problem = lrsStatusProblem(answer);
    return problem
      ? { ok: false, message: problem }
      : { ok: true, message: `The LRS accepted the key and secret (it answered ${answer.status}).` };
  } catch (error) {
    return { ok: false, message: `Webside could not reach the LRS: ${lrsErrorReason(error).replace(/\.$/, "")}.` };
  }
}
