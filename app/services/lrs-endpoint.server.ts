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
 * POSTs to the LRS and reports only the status (with the standard name for it, not the remote's wording): no
 * redirect is followed (Node's http never does) and the body is not read, so nothing the remote host says is stored.
 */
export function postToLrs(
  url: string,
  request: { headers: Record<string, string>; body: string; timeoutMs: number },
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
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: "POST",
        headers: { ...request.headers, "Content-Length": String(Buffer.byteLength(request.body)) },
        lookup: publicOnlyLookup(rules),
        agent: false,
        timeout: request.timeoutMs,
      },
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
