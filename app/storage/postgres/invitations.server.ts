// Invitations in PostgreSQL: one-time set-password links, each usable once.
import { ConflictError, NotFoundError } from "../errors";
import type { InvitationRecords } from "../types";
import type { Db } from "./context.server";
import { toInvitation } from "./rows.server";

export function invitationRecords(db: Db): InvitationRecords {
  return {
    async createInvitation(i) {
      const [row] = await db.rows(
        `INSERT INTO invitations (id, user_id, org_id, created_by, created_at, expires_at, used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [i.id, i.userId, i.orgId, i.createdBy, i.createdAt, i.expiresAt, i.usedAt],
      );
      return toInvitation(row!);
    },

    async getInvitation(id) {
      const [row] = await db.rows("SELECT * FROM invitations WHERE id = $1", [id]);
      return row ? toInvitation(row) : null;
    },

    async useInvitation(id, at) {
      // The used_at IS NULL condition makes "use" a single atomic step: two tabs cannot both use one link.
      const [row] = await db.rows("UPDATE invitations SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING *", [
        id,
        at,
      ]);
      if (row) return toInvitation(row);
      const [existing] = await db.rows("SELECT 1 FROM invitations WHERE id = $1", [id]);
      if (!existing) throw new NotFoundError("This invitation link does not exist.");
      throw new ConflictError("This invitation link has already been used. Ask your administrator for a new one.");
    },
  };
}
