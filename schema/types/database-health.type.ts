import { Field, Float, ObjectType } from "type-graphql";
import { ConnectionCounts } from "./connection-counts.type";
import type { DatabaseHealthRecord } from "../../src/domain/database-health.record";

/** Whether the database answers, and the server's main figures. */
@ObjectType("DatabaseHealth", { description: "Whether the database answers, and the server's main figures" })
export class DatabaseHealth implements DatabaseHealthRecord {
  @Field(() => Boolean, {
    description: "false when the server did not answer a ping; the other fields are null then",
  })
  reachable!: boolean;

  @Field(() => String, { nullable: true, description: "Server version, e.g. 7.0.12" })
  version!: string | null;

  @Field(() => Float, { nullable: true, description: "Seconds since the server started" })
  uptimeSeconds!: number | null;

  @Field(() => ConnectionCounts, { nullable: true }) connections!: ConnectionCounts | null;

  @Field(() => String, {
    nullable: true,
    description: "PRIMARY, SECONDARY, ARBITER or OTHER in a replica set; STANDALONE; MONGOS behind a router",
  })
  replicaSetState!: string | null;

  @Field(() => String, { nullable: true, description: "The replica set's name, null outside one" })
  replicaSetName!: string | null;

  @Field(() => Float, { nullable: true, description: "Round trip of a ping command, in milliseconds" })
  pingMillis!: number | null;
}
