// CPD certificates: issued once per passed attempt with a short unguessable code, and verified by that code alone.
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { UniqueViolationError } from "~/storage/errors";
import type { Attempt, Certificate } from "~/storage/types";
import { audit } from "~/services/audit.server";
import { getScenario } from "~/services/catalogue.server";

// Crockford's base 32 without I, L, O, U: easy to read aloud and type from paper.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CERTIFICATE_CODE =
  /^WS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** 16 characters of base 32: 80 random bits, far too many to guess a valid code. */
export function newCertificateCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]!).join("");
  return `WS-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

/** The attempt's certificate, issuing it on first view. Two tabs opening it at once both get the one certificate. */
export async function certificateFor(context: AppLoadContext, attempt: Attempt): Promise<Certificate> {
  const existing = await context.store.getCertificateForAttempt(attempt.id);
  if (existing) return existing;
  try {
    const certificate = await context.store.createCertificate({
      code: newCertificateCode(),
      attemptId: attempt.id,
      orgId: attempt.orgId,
      userId: attempt.userId,
      issuedAt: context.now().toISOString(),
    });
    await audit(context, {
      type: "certificate.issue",
      orgId: attempt.orgId,
      actorId: attempt.userId,
      detail: { attemptId: attempt.id, code: certificate.code },
    });
    return certificate;
  } catch (error) {
    const raced =
      error instanceof UniqueViolationError ? await context.store.getCertificateForAttempt(attempt.id) : null;
    if (raced) return raced;
    throw error;
  }
}

/**
 * What a verifier compares against the paper in front of them: the holder's name, the scenario and its version, the
 * date the attempt was completed and that it passed. Nothing more: no email, organisation, scores or reflection.
 */
export interface VerifiedCertificate {
  holder: string;
  scenario: string;
  version: number;
  completedAt: string;
  result: "Passed";
}

/** The public check: a malformed or unknown code is simply not valid (null), and says nothing else. */
export async function verifyCertificate(
  context: AppLoadContext,
  code: string,
): Promise<{ code: string; certificate: VerifiedCertificate | null }> {
  const normalised = code.toUpperCase();
  const certificate = CERTIFICATE_CODE.test(normalised) ? await context.store.getCertificate(normalised) : null;
  const attempt = certificate ? await context.store.getAttempt(certificate.attemptId) : null;
  const holder = certificate ? await context.store.getUser(certificate.userId) : null;
  // A certificate is only ever issued for a passed attempt; anything else here means the record is not one to vouch for.
  if (!certificate || !attempt || !holder || !attempt.result?.passed) return { code: normalised, certificate: null };
  // The title as it was at that version; a version since removed still verifies, under the scenario's id.
  const scenario = await getScenario(context, attempt.orgId, attempt.scenarioId, attempt.scenarioVersion);
  return {
    code: normalised,
    certificate: {
      holder: holder.name,
      scenario: scenario?.title ?? attempt.scenarioId,
      version: attempt.scenarioVersion,
      completedAt: attempt.completedAt ?? certificate.issuedAt,
      result: "Passed",
    },
  };
}
