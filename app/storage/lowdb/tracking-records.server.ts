// Invitations (one-time set-password links) and CPD certificates in the lowdb store.
import { ConflictError, NotFoundError, UniqueViolationError } from "../errors";
import type { Store } from "../types";
import type { LowdbDatabase } from "./database.server";

type RecordFunctions = Pick<
  Store,
  | "createInvitation"
  | "getInvitation"
  | "useInvitation"
  | "createCertificate"
  | "getCertificate"
  | "getCertificateForAttempt"
>;

export function trackingRecordFunctions(db: LowdbDatabase): RecordFunctions {
  return {
    async createInvitation(invitation) {
      const copy = structuredClone(invitation);
      return db.mutate((data) => {
        if (data.invitations.some((i) => i.id === copy.id))
          throw new UniqueViolationError("An invitation with this id already exists.", "id");
        data.invitations.push(copy);
        return copy;
      });
    },

    async getInvitation(id) {
      const found = db.data().invitations.find((i) => i.id === id);
      return found ? structuredClone(found) : null;
    },

    async useInvitation(id, at) {
      return db.mutate((data) => {
        const invitation = data.invitations.find((i) => i.id === id);
        if (!invitation) throw new NotFoundError("This invitation link does not exist.");
        if (invitation.usedAt !== null)
          throw new ConflictError("This invitation link has already been used. Ask your administrator for a new one.");
        invitation.usedAt = at;
        return invitation;
      });
    },

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
