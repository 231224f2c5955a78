// Environment configuration, parsed once at start with clear messages; every value has a safe default outside production.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseIceServers, type IceServer } from "~/core/live/ice-servers";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int("PORT must be a whole number").min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_FILE: z.string().min(1).default("data/webside.json"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => !value || /^postgres(ql)?:\/\//.test(value), {
      message:
        "DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use the embedded lowdb file)",
    }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Work in this PostgreSQL schema instead of the default (created if missing); tests and benchmarks use a fresh one. */
  DATABASE_SCHEMA: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => !value || /^[a-z_][a-z0-9_]{0,62}$/.test(value), {
      message:
        "DATABASE_SCHEMA must be lower-case letters, digits and underscores, starting with a letter (at most 63 characters)",
    }),
  /** Comma-separated; the first signs new cookies, all of them verify (rotation). */
  SESSION_SECRET: z.string().optional(),
  BACKUPS: z.coerce.number().int().min(1).max(1000).default(10),
  /** Set when a reverse proxy terminates TLS, so X-Forwarded-* headers are trusted. */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((value) => value === "true" || value === "1"),
  /** Let the LRS endpoint be a loopback, private or link-local address (an LRS on the trust's own network). */
  LRS_ALLOW_PRIVATE: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((value) => value === "true" || value === "1"),
  /** Send invitation and set-password emails through this SMTP server; unset means admins copy the links. */
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => !value || /^smtps?:\/\/[^/]/.test(value), {
      message:
        "SMTP_URL must look like smtp://user:password@mail.example.nhs.uk:587 (or smtps:// for TLS from the start); leave it unset to copy links by hand",
    }),
  SMTP_FROM: z.string().trim().min(3).max(200).default("Webside <no-reply@webside.invalid>"),
});

export interface AppConfig {
  nodeEnv: "development" | "production" | "test";
  isProduction: boolean;
  port: number;
  host: string;
  dataFile: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** PostgreSQL schema to work in; unset means the server's default search_path. */
  databaseSchema?: string;
  sessionSecrets: string[];
  backups: number;
  trustProxy: boolean;
  /** LRS_ALLOW_PRIVATE (ADR 0052); unset means internal addresses are refused. */
  lrsAllowPrivate?: boolean;
  /** SMTP_URL: where invitation emails go; unset means the admin copies the link. */
  smtpUrl?: string;
  /** SMTP_FROM: the sender of those emails. */
  smtpFrom?: string;
  /** ICE_SERVERS: STUN/TURN servers handed to live role-play pages (ADR 0054); unset means direct connections only. */
  iceServers?: IceServer[];
}

export class ConfigError extends Error {}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`).join("\n");
}

/** Reads (or creates, outside production) the secret kept beside the data file so sessions survive restarts. */
function localSessionSecret(dataFile: string): string {
  const file = path.join(path.dirname(path.resolve(dataFile)), ".session-secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Webside cannot start: the environment is not valid.\n${describeIssues(parsed.error)}`);
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === "production";
  let secrets = (values.SESSION_SECRET ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (secrets.length === 0) {
    if (isProduction) {
      throw new ConfigError(
        "Webside cannot start: SESSION_SECRET is not set. In production, set it to a long random string " +
          "(e.g. `openssl rand -hex 32`); to rotate, put the new secret first: SESSION_SECRET=new,old.",
      );
    }
    secrets = [localSessionSecret(values.DATA_FILE)];
  }
  const weak = secrets.find((s) => s.length < 32);
  if (weak !== undefined && isProduction) {
    throw new ConfigError("Webside cannot start: every SESSION_SECRET must be at least 32 characters long.");
  }
  // Checked at start, so a mistyped TURN setting is found before a live session fails to connect across networks.
  const ice = parseIceServers(env.ICE_SERVERS);
  if (!ice.ok) throw new ConfigError(`Webside cannot start: ${ice.message}`);
  return {
    nodeEnv: values.NODE_ENV,
    isProduction,
    port: values.PORT,
    host: values.HOST,
    dataFile: values.DATA_FILE,
    databaseUrl: values.DATABASE_URL,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    databaseSchema: values.DATABASE_SCHEMA,
    sessionSecrets: secrets,
    backups: values.BACKUPS,
    trustProxy: values.TRUST_PROXY,
    lrsAllowPrivate: values.LRS_ALLOW_PRIVATE,
    smtpUrl: values.SMTP_URL,
    smtpFrom: values.SMTP_FROM,
    iceServers: ice.servers,
  };
}
