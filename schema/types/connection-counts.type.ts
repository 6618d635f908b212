import { Field, Int, ObjectType } from "type-graphql";
import type { ConnectionCountsRecord } from "../../src/domain/connection-counts.record";

/** The server's client connections (serverStatus.connections). */
@ObjectType("ConnectionCounts", { description: "Client connections of the database server" })
export class ConnectionCounts implements ConnectionCountsRecord {
  @Field(() => Int, { description: "Open connections" }) current!: number;

  @Field(() => Int, { description: "Connections the server can still accept" }) available!: number;
}
