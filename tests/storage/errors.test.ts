// Storage errors are recognised by kind, so a copy of the module bundled into the Remix build still matches them.
import { describe, expect, it } from "vitest";
import * as errors from "~/storage/errors";

describe("storage errors", () => {
  it("match their own class and the base class, and no other", () => {
    const conflict = new errors.ConflictError("someone else saved first");
    expect(conflict).toBeInstanceOf(errors.ConflictError);
    expect(conflict).toBeInstanceOf(errors.StorageError);
    expect(conflict).toBeInstanceOf(Error);
    expect(conflict).not.toBeInstanceOf(errors.NotFoundError);
    expect(new errors.UniqueViolationError("taken", "email").field).toBe("email");
    expect(new Error("plain")).not.toBeInstanceOf(errors.StorageError);
    expect(null).not.toBeInstanceOf(errors.StorageError);
  });

  it("match across two copies of the module, as the server and the Remix build have", async () => {
    const copy = (await import(/* @vite-ignore */ `../../app/storage/errors.ts?copy=${Date.now()}`)) as typeof errors;
    expect(copy.ConflictError).not.toBe(errors.ConflictError);
    expect(new copy.ConflictError("x")).toBeInstanceOf(errors.ConflictError);
    expect(new copy.NotFoundError("x")).not.toBeInstanceOf(errors.ConflictError);
    expect(new copy.StoreUnavailableError("x")).toBeInstanceOf(errors.StorageError);
  });
});
