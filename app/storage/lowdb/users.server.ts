// User accounts in the lowdb store: emails kept lower-cased and unique across the whole store.
import { NotFoundError, UniqueViolationError } from "../errors";
import { normaliseEmail } from "../email";
import type { User, UserRecords } from "../types";
import type { LowdbData } from "./data.server";
import type { LowdbDatabase } from "./database.server";

function assertEmailFree(data: LowdbData, email: string, exceptUserId?: string): void {
  if (data.users.some((u) => u.email === email && u.id !== exceptUserId)) {
    throw new UniqueViolationError("That email address is already used by another account.", "email");
  }
}

export function userRecords(db: LowdbDatabase): UserRecords {
  return {
    async createUser({ email, name, passwordHash }) {
      return db.mutate((data) => {
        const normalised = normaliseEmail(email);
        assertEmailFree(data, normalised);
        const now = db.now();
        const user: User = {
          id: db.newId(),
          email: normalised,
          name,
          passwordHash,
          active: true,
          createdAt: now,
          updatedAt: now,
        };
        data.users.push(user);
        return user;
      });
    },

    async getUser(id) {
      const found = db.data().users.find((u) => u.id === id);
      return found ? structuredClone(found) : null;
    },

    async getUserByEmail(email) {
      const normalised = normaliseEmail(email);
      const found = db.data().users.find((u) => u.email === normalised);
      return found ? structuredClone(found) : null;
    },

    async updateUser(id, patch) {
      return db.mutate((data) => {
        const user = data.users.find((u) => u.id === id);
        if (!user) throw new NotFoundError(`User ${id} does not exist, so it cannot be updated.`);
        const email = patch.email === undefined ? undefined : normaliseEmail(patch.email);
        if (email !== undefined) assertEmailFree(data, email, id);
        if (patch.name !== undefined) user.name = patch.name;
        if (email !== undefined) user.email = email;
        if (patch.passwordHash !== undefined) user.passwordHash = patch.passwordHash;
        if (patch.active !== undefined) user.active = patch.active;
        user.updatedAt = db.now();
        return user;
      });
    },

    async countUsers() {
      return db.data().users.length;
    },
  };
}
