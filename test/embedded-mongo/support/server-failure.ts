import { MongoServerError } from "mongodb";
import { expect } from "vitest";

/** Awaits a driver call that must fail on the server, and returns its error. */
export async function serverFailure(p: Promise<unknown>): Promise<MongoServerError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MongoServerError);
  return err as MongoServerError;
}
