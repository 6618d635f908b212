import net from "node:net";
import { MongoNetworkError, MongoServerClosedError, MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailableError } from "../../src/errors/database-unavailable";

/** The error Node gives a write to a socket the other side has ended (what a killed database leaves). */
async function writeAfterPeerEnded(): Promise<Error> {
  const server = net.createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const socket = net.connect({ port, host: "127.0.0.1", allowHalfOpen: false });
  try {
    await new Promise<void>((resolve) => socket.once("end", resolve));
    return await new Promise<Error>((resolve) => {
      socket.once("error", resolve);
      socket.write("ping", (error) => error && resolve(error));
    });
  } finally {
    socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe("errors that mean the database cannot be reached now", () => {
  it("counts a server closed under a request and a raw socket error like a network error, and not a bad command or a bug", async () => {
    const epipe = await writeAfterPeerEnded();
    expect((epipe as NodeJS.ErrnoException).code).toBe("EPIPE");
    expect(isDatabaseUnavailableError(epipe)).toBe(true);
    expect(isDatabaseUnavailableError(new MongoServerClosedError())).toBe(true);
    expect(isDatabaseUnavailableError(new MongoNetworkError("connection reset"))).toBe(true);
    expect(isDatabaseUnavailableError(new MongoServerError({ message: "bad", code: 2 }))).toBe(false);
    expect(isDatabaseUnavailableError(new Error("a bug"))).toBe(false);
  });
});
