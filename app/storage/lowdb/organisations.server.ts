// Organisations and their teams in the lowdb store.
import { NotFoundError } from "../errors";
import type { Organisation, OrganisationRecords, Team } from "../types";
import type { LowdbDatabase } from "./database.server";

export function organisationRecords(db: LowdbDatabase): OrganisationRecords {
  return {
    async createOrganisation({ name }) {
      return db.mutate((data) => {
        const organisation: Organisation = { id: db.newId(), name, createdAt: db.now() };
        data.organisations.push(organisation);
        return organisation;
      });
    },

    async getOrganisation(id) {
      const found = db.data().organisations.find((o) => o.id === id);
      return found ? structuredClone(found) : null;
    },

    async listOrganisations() {
      return structuredClone(db.data().organisations);
    },

    async createTeam({ orgId, name }) {
      return db.mutate((data) => {
        if (!data.organisations.some((o) => o.id === orgId)) {
          throw new NotFoundError(`Cannot add team "${name}": organisation ${orgId} does not exist.`);
        }
        const team: Team = { id: db.newId(), orgId, name, createdAt: db.now() };
        data.teams.push(team);
        return team;
      });
    },

    async listTeams(orgId) {
      return structuredClone(db.data().teams.filter((t) => t.orgId === orgId));
    },

    async getTeam(orgId, teamId) {
      const found = db.data().teams.find((t) => t.id === teamId && t.orgId === orgId);
      return found ? structuredClone(found) : null;
    },

    async renameTeam(orgId, teamId, name) {
      return db.mutate((data) => {
        // A team id from another organisation is "not found" here, so one trust can never rename another's team.
        const team = data.teams.find((t) => t.id === teamId && t.orgId === orgId);
        if (!team)
          throw new NotFoundError(`Team ${teamId} does not exist in this organisation, so it cannot be renamed.`);
        team.name = name;
        return team;
      });
    },
  };
}
