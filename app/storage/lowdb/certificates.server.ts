// CPD certificates in the lowdb store: at most one per attempt, found by their printed code.
import { UniqueViolationError } from "../errors";
import type { CertificateRecords } from "../types";
import type { LowdbDatabase } from "./database.server";

export function certificateRecords(db: LowdbDatabase): CertificateRecords {
  return {
    async createCertificate(certificate) {
      const copy = structuredClone(certificate);
      return db.mutate((data) => {
        if (data.certificates.some((c) => c.code === copy.code))
          throw new UniqueViolationError("A certificate with this code already exists.", "code");
        if (data.certificates.some((c) => c.attemptId === copy.attemptId)) {
          throw new UniqueViolationError("This attempt already has a certificate.", "attemptId");
        }
        data.certificates.push(copy);
        return copy;
      });
    },

    async getCertificate(code) {
      const found = db.data().certificates.find((c) => c.code === code);
      return found ? structuredClone(found) : null;
    },

    async getCertificateForAttempt(attemptId) {
      const found = db.data().certificates.find((c) => c.attemptId === attemptId);
      return found ? structuredClone(found) : null;
    },
  };
}
