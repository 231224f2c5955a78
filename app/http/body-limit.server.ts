// One body limit for every route that takes a form or JSON: the body is read here, within the limit, before Remix
// sees it, so an oversized or endless upload costs no more than the limit whichever route it is aimed at.
import type { NextFunction, Request, Response } from "express";
import { MAX_STAFF_CSV_BYTES } from "~/core/tracking/staff-csv";
import { DRAFT_FORM_LIMIT, UPLOAD_FORM_LIMIT } from "~/services/studio.server";

export const FORM_BODY_LIMIT = 64 * 1024;
/** The CSV can come back as a url-encoded form field on confirm, where each special character takes three bytes. */
const STAFF_IMPORT_LIMIT = 3 * MAX_STAFF_CSV_BYTES + FORM_BODY_LIMIT;
/** After refusing, read and discard at most this much more so the client sees the 413 rather than a reset. */
const DRAIN_LIMIT = 64 * 1024 * 1024;
const DRAIN_MS = 10_000;

const LARGER: Array<[RegExp, number]> = [
  [/^\/studio\/?$/, UPLOAD_FORM_LIMIT],
  [/^\/studio\/[^/]+\/?$/, DRAFT_FORM_LIMIT],
  [/^\/admin\/staff\/import\/?$/, STAFF_IMPORT_LIMIT],
];

/** The most bytes a request to this path may carry. Remix data requests (`/path.data`) share their page's limit. */
export function bodyLimitFor(path: string): number {
  const page = path === "/_root.data" ? "/" : path.replace(/\.data$/, "");
  return LARGER.find(([pattern]) => pattern.test(page))?.[1] ?? FORM_BODY_LIMIT;
}

function describeLimit(limit: number): string {
  return limit >= 1024 * 1024 ? `${(limit / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(limit / 1024)} KB`;
}

function refuse(req: Request, res: Response, limit: number): void {
  const message = `This request is larger than ${describeLimit(limit)}, so Webside did not read it. Shorten what you entered or upload a smaller file.`;
  res.status(413).set("Connection", "close");
  if (req.path.startsWith("/api/")) res.json({ ok: false, error: message });
  else res.type("text/plain").send(message);
}

const WITHOUT_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Reads the body into res.locals.requestBody. Past the limit it answers 413 only once the client has stopped
 * sending (or after a bounded drain), because closing a socket with unread data resets it and the client would
 * never see the answer.
 */
export function bodyLimit(limitFor: (path: string) => number = bodyLimitFor) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (WITHOUT_BODY.has(req.method)) return next();
    const limit = limitFor(req.path);
    const declared = Number(req.get("content-length") ?? "0");
    const chunks: Buffer[] = [];
    let total = 0;
    let over = Number.isFinite(declared) && declared > limit;
    let answered = false;
    const answer = () => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      refuse(req, res, limit);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startDrain = () => {
      timer = setTimeout(() => {
        answer();
        res.once("finish", () => req.socket.destroy());
      }, DRAIN_MS);
      timer.unref();
    };
    if (over) startDrain();
    req.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (!over && total > limit) {
        over = true;
        chunks.length = 0;
        startDrain();
      }
      if (over) {
        if (total > limit + DRAIN_LIMIT && !answered) {
          answer();
          res.once("finish", () => req.socket.destroy());
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (over) return answer();
      res.locals.requestBody = Buffer.concat(chunks, total);
      next();
    });
    req.on("error", (error) => {
      clearTimeout(timer);
      if (!answered) next(error);
    });
  };
}
