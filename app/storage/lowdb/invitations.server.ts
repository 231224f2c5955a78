// Invitations in the lowdb store: one-time set-password links, each usable once.
import { ConflictError, NotFoundError, UniqueViolationError } from "../errors";
import type { InvitationRecords } from "../types";
import type { LowdbDatabase } from "./database.server";

export function invitationRecords(db: LowdbDatabase): InvitationRecords {
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
  };
}
