// Sends email through the SMTP server in SMTP_URL (nodemailer, ADR 0056). Without SMTP_URL nothing is sent and the
// caller falls back to showing the link; a failure comes back as a sentence an admin can act on, never a 500.
import nodemailer, { type Transporter } from "nodemailer";
import type { AppConfig } from "~/utils/env.server";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export type MailOutcome = { sent: true } | { sent: false; reason: string } | { sent: null };

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Short timeouts: the admin is waiting on the page for the answer.
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 15_000,
    });
    transports.set(url, transport);
  }
  return transport;
}

/** Our words for why a message was not sent (the mail server's own reply can carry internal detail). */
export function mailFailureReason(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case "EAUTH":
      return "the mail server refused Webside's username or password (check SMTP_URL)";
    case "EENVELOPE":
      return "the mail server would not accept this recipient or sender address";
    case "ETIMEDOUT":
      return "the mail server did not answer in time";
    case "ECONNECTION":
    case "ESOCKET":
    case "EDNS":
      return "Webside could not connect to the mail server (check SMTP_URL)";
    case "EMESSAGE":
      return "the mail server refused the message";
    default:
      return "the mail server reported an error";
  }
}

/** Sends one plain-text message, or reports why not; `{ sent: null }` when no SMTP server is configured. */
export async function sendMail(config: AppConfig, message: MailMessage): Promise<MailOutcome> {
  if (!config.smtpUrl) return { sent: null };
  try {
    await transportFor(config.smtpUrl).sendMail({
      from: config.smtpFrom ?? "Webside <no-reply@webside.invalid>",
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
    return { sent: true };
  } catch (error) {
    // The server log keeps the detail for whoever runs Webside; the admin sees a plain reason.
    console.warn(`Email to ${message.to} was not sent: ${error instanceof Error ? error.message : String(error)}`);
    return { sent: false, reason: mailFailureReason(error) };
  }
}
