// A local SMTP server for tests (smtp-server, ADR 0056): keeps every message Webside sends so a test can read the
// recipient, subject and body, and follow the link in it. Plain SMTP on loopback, no TLS, any login accepted.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface SunkMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: SunkMessage[];
  /** Resolves with the first message to this address (waits up to `timeoutMs`). */
  waitFor(to: string, timeoutMs?: number): Promise<SunkMessage>;
  close(): Promise<void>;
}

/** Decodes the body as nodemailer encodes plain text: 7bit, quoted-printable or base64. */
function decodeBody(headers: string, body: string): string {
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "quoted-printable") {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

function parseMessage(raw: string, from: string, to: string[]): SunkMessage {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const subject = /^subject:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? "";
  return { from, to, subject, text: decodeBody(headers, raw.slice(split + 4)).replace(/\r\n/g, "\n") };
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const waiting: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: "test" }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        const to = session.envelope.rcptTo.map((r) => r.address);
        messages.push(parseMessage(Buffer.concat(chunks).toString("latin1"), from, to));
        waiting.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    messages,
    async waitFor(to, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => m.to.includes(to));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No email to ${to} arrived within ${timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
