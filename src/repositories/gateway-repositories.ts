import type { Db } from "mongodb";
import { dataCollections } from "../db/data-collections";
import { AlertRepository } from "./alert.repository";
import { AnalyticsRepository } from "./analytics.repository";
import { CaseRepository } from "./case.repository";
import type { RepositoryOptions } from "./repository-options";
import { UserRepository } from "./user.repository";

/** The repositories of one gateway. Stateless apart from collection handles: shared by all requests. */
export interface GatewayRepositories {
  cases: CaseRepository;
  alerts: AlertRepository;
  users: UserRepository;
  analytics: AnalyticsRepository;
}

export function createGatewayRepositories(db: Db, options: RepositoryOptions): GatewayRepositories {
  const collections = dataCollections(db);
  return {
    cases: new CaseRepository(collections.cases, options),
    alerts: new AlertRepository(collections.alerts, options),
    users: new UserRepository(collections.users, options),
    analytics: new AnalyticsRepository(db, { maxTimeMS: options.maxTimeMS }),
  };
}
