// Organisations and their teams; every team query is scoped by the organisation's id.
import { NotFoundError } from "../errors";
import type { OrganisationRecords } from "../types";
import type { Db } from "./context.server";
import { toOrganisation, toTeam } from "./rows.server";

export function organisationRecords(db: Db): OrganisationRecords {
  return {
    async createOrganisation({ name }) {
      const [row] = await db.rows("INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3) RETURNING *", [
        db.newId(),
        name,
        db.now(),
      ]);
      return toOrganisation(row!);
    },

    async getOrganisation(id) {
      const [row] = await db.rows("SELECT * FROM organisations WHERE id = $1", [id]);
      return row ? toOrganisation(row) : null;
    },

    async listOrganisations() {
      return (await db.rows("SELECT * FROM organisations ORDER BY seq")).map(toOrganisation);
    },

    async createTeam({ orgId, name }) {
      // Inserts nothing when the organisation is missing, so that case gets its own message.
      const [row] = await db.rows(
        `INSERT INTO teams (id, org_id, name, created_at)
         SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM organisations WHERE id = $2)
         RETURNING *`,
        [db.newId(), orgId, name, db.now()],
      );
      if (!row) throw new NotFoundError(`Cannot add team "${name}": organisation ${orgId} does not exist.`);
      return toTeam(row);
    },

    async listTeams(orgId) {
      return (await db.rows("SELECT * FROM teams WHERE org_id = $1 ORDER BY seq", [orgId])).map(toTeam);
    },

    async getTeam(orgId, teamId) {
      const [row] = await db.rows("SELECT * FROM teams WHERE org_id = $1 AND id = $2", [orgId, teamId]);
      return row ? toTeam(row) : null;
    },

    async renameTeam(orgId, teamId, name) {
      const [row] = await db.rows("UPDATE teams SET name = $3 WHERE org_id = $1 AND id = $2 RETURNING *", [
        orgId,
        teamId,
        name,
      ]);
      if (!row) throw new NotFoundError(`Team ${teamId} does not exist in this organisation, so it cannot be renamed.`);
      return toTeam(row);
    },
  };
}
