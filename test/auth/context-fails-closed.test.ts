import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import fastifyApollo from "@as-integrations/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import type { AddressInfo } from "node:net";
import type { CommandStartedEvent } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../../schema/build-schema";
import { createContextFactory, type GatewayContext } from "../../src/context";
import { formatError } from "../../src/errors/format-error";
import { createGatewayRepositories } from "../../src/repositories/gateway-repositories";
import { useTestDatabase } from "../helpers/use-test-database";

/**
 * The context factory is the last line of defence: a GraphQL route mounted without
 * the authentication preHandler (a wiring mistake) must refuse every request as
 * UNAUTHENTICATED, not serve it as a VIEWER. Before, it fell back to VIEWER.
 */
describe("the request context fails closed when authentication did not run", () => {
  const database = useTestDatabase("context_fails_closed", { monitorCommands: true });
  let app: FastifyInstance;
  let url: string;
  const commands: CommandStartedEvent[] = [];

  beforeAll(async () => {
    database.client.on("commandStarted", (event) => commands.push(event));
    await database.db.collection("cases").insertOne({ title: "secret", status: "open" });
    const apollo = new ApolloServer<GatewayContext>({ schema: await buildGatewaySchema(), formatError });
    await apollo.start();
    app = Fastify();
    // Deliberately without the authentication preHandler.
    await app.register(fastifyApollo(apollo), {
      path: "/graphql",
      context: createContextFactory({
        repositories: createGatewayRepositories(database.db, { maxTimeMS: 5000 }),
        maxPageSize: 100,
      }),
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each([`{ cases(first: 5) { totalCount } }`, `{ me { kind role } }`])(
    "%s is UNAUTHENTICATED and sends nothing to the database",
    async (query) => {
      commands.length = 0;
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as {
        data?: unknown;
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      expect(response.status).toBe(401);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(commands.map((event) => event.commandName)).toEqual([]);
    },
  );
});
