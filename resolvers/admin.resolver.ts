import { Authorized, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { CollectionStatsArguments } from "../schema/arguments/collection-stats.arguments";
import { CurrentOperationsArguments } from "../schema/arguments/current-operations.arguments";
import { IndexUsageArguments } from "../schema/arguments/index-usage.arguments";
import { SetProfilingLevelArguments } from "../schema/arguments/set-profiling-level.arguments";
import { SlowOperationsArguments } from "../schema/arguments/slow-operations.arguments";
import { CollectionStats } from "../schema/types/collection-stats.type";
import { CurrentOperation } from "../schema/types/current-operation.type";
import { DatabaseHealth } from "../schema/types/database-health.type";
import { IndexUsage } from "../schema/types/index-usage.type";
import { ProfilingStatus } from "../schema/types/profiling-status.type";
import { SlowOperation } from "../schema/types/slow-operation.type";
import { UnusedIndex } from "../schema/types/unused-index.type";
import { RULES } from "../src/auth/auth-checker";
import { type GatewayContext, writeOrigin } from "../src/context";

/** The admin API, for ADMIN only: the database's health, statistics, profiler and operations in progress. */
@Authorized(RULES.ADMIN)
@Resolver()
export class AdminResolver {
  @Query(() => DatabaseHealth, {
    description: "Whether the database answers, its version, uptime, connections and replica set state",
  })
  health(@Ctx() { repositories }: GatewayContext): Promise<DatabaseHealth> {
    return repositories.admin.health();
  }

  @Query(() => CollectionStats, {
    description: "Document count, sizes and index usage of one collection of the data model",
  })
  collectionStats(
    @Args(() => CollectionStatsArguments) { name }: CollectionStatsArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<CollectionStats> {
    return repositories.admin.collectionStats(name);
  }

  @Query(() => [IndexUsage], {
    description: "How often each index of a collection of the data model was used ($indexStats)",
  })
  indexUsage(
    @Args(() => IndexUsageArguments) { collection }: IndexUsageArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<IndexUsage[]> {
    return repositories.admin.indexUsage(collection);
  }

  @Query(() => [UnusedIndex], {
    description:
      "Indexes of the data model's collections that no operation used since `since` (_id_ excepted)",
  })
  unusedIndexes(@Ctx() { repositories }: GatewayContext): Promise<UnusedIndex[]> {
    return repositories.admin.unusedIndexes();
  }

  @Query(() => [SlowOperation], {
    description:
      "Operations the profiler recorded in the gateway's database, newest first (see setProfilingLevel)",
  })
  slowOperations(
    @Args(() => SlowOperationsArguments) args: SlowOperationsArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<SlowOperation[]> {
    return repositories.admin.slowOperations(args);
  }

  @Query(() => [CurrentOperation], { description: "Operations the database server is running now" })
  currentOperations(
    @Args(() => CurrentOperationsArguments) args: CurrentOperationsArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<CurrentOperation[]> {
    return repositories.admin.currentOperations(args);
  }

  @Mutation(() => ProfilingStatus, {
    description: "Sets the database profiler of the gateway's database (audited)",
  })
  setProfilingLevel(
    @Args(() => SetProfilingLevelArguments) { level, slowMillis }: SetProfilingLevelArguments,
    @Ctx() context: GatewayContext,
  ): Promise<ProfilingStatus> {
    return context.repositories.admin.setProfilingLevel(level, slowMillis, writeOrigin(context));
  }
}
