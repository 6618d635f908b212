import { MongoNetworkError, MongoServerClosedError, MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailableError } from "../../src/errors/database-unavailable";

describe("errors that mean the database cannot be reached now", () => {
  it("counts a server closed under a request like a network error, and not a bad command or a bug", () => {
    expect(isDatabaseUnavailableError(new MongoServerClosedError())).toBe(true);
    expect(isDatabaseUnavailableError(new MongoNetworkError("connection reset"))).toBe(true);
    expect(isDatabaseUnavailableError(new MongoServerError({ message: "bad", code: 2 }))).toBe(false);
    expect(isDatabaseUnavailableError(new Error("a bug"))).toBe(false);
  });
});
