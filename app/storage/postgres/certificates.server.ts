// CPD certificates in PostgreSQL: at most one per attempt (a unique index), found by their printed code.
import { UniqueViolationError } from "../errors";
import type { CertificateRecords } from "../types";
import type { Db } from "./context.server";
import { toCertificate } from "./rows.server";

export function certificateRecords(db: Db): CertificateRecords {
  return {
    async createCertificate(c) {
      try {
        const [row] = await db.rows(
          "INSERT INTO certificates (code, attempt_id, org_id, user_id, issued_at) VALUES ($1, $2, $3, $4, $5) RETURNING *",
          [c.code, c.attemptId, c.orgId, c.userId, c.issuedAt],
        );
        return toCertificate(row!);
      } catch (error) {
        if (error instanceof UniqueViolationError && error.field === "certificates_attempt_id_key") {
          throw new UniqueViolationError("This attempt already has a certificate.", "attemptId");
        }
        if (error instanceof UniqueViolationError)
          throw new UniqueViolationError("A certificate with this code already exists.", "code");
        throw error;
      }
    },

    async getCertificate(code) {
      const [row] = await db.rows("SELECT * FROM certificates WHERE code = $1", [code]);
      return row ? toCertificate(row) : null;
    },

    async getCertificateForAttempt(attemptId) {
      const [row] = await db.rows("SELECT * FROM certificates WHERE attempt_id = $1", [attemptId]);
      return row ? toCertificate(row) : null;
    },
  };
}
