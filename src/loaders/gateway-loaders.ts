import type DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { CaseRecord } from "../domain/case.record";
import type { UserRecord } from "../domain/user.record";
import type { AlertRecord } from "../domain/alert.record";
import type { GatewayRepositories } from "../repositories/gateway-repositories";
import type { ByIdLoader } from "./by-id.loader";
import { type AlertCountByCaseKey, createAlertCountByCaseLoader } from "./alert-count-by-case.loader";
import { type AlertsByCaseKey, createAlertsByCaseLoader } from "./alerts-by-case.loader";
import { createCaseByIdLoader } from "./case-by-id.loader";
import { type CasesByAssigneeKey, createCasesByAssigneeLoader } from "./cases-by-assignee.loader";
import { createOpenCaseCountByAssigneeLoader } from "./open-case-count-by-assignee.loader";
import { createUserByIdLoader } from "./user-by-id.loader";

/**
 * The loaders of one request. Built afresh by the context factory for every request,
 * so a cache never outlives the request nor leaks data between callers.
 */
export interface GatewayLoaders {
  userById: ByIdLoader<UserRecord>;
  caseById: ByIdLoader<CaseRecord>;
  alertsByCase: DataLoader<AlertsByCaseKey, AlertRecord[], string>;
  alertCountByCase: DataLoader<AlertCountByCaseKey, number, string>;
  casesByAssignee: DataLoader<CasesByAssigneeKey, CaseRecord[], string>;
  openCaseCountByAssignee: DataLoader<ObjectId, number, string>;
}

/** `onBatch`, when given, is told each batch's loader and number of keys (metrics). */
export function createGatewayLoaders(
  { cases, alerts, users }: GatewayRepositories,
  onBatch?: (loader: keyof GatewayLoaders, keys: number) => void,
): GatewayLoaders {
  const observer = (loader: keyof GatewayLoaders) =>
    onBatch ? (keys: number) => onBatch(loader, keys) : undefined;
  return {
    userById: createUserByIdLoader(users, observer("userById")),
    caseById: createCaseByIdLoader(cases, observer("caseById")),
    alertsByCase: createAlertsByCaseLoader(alerts, observer("alertsByCase")),
    alertCountByCase: createAlertCountByCaseLoader(alerts, observer("alertCountByCase")),
    casesByAssignee: createCasesByAssigneeLoader(cases, observer("casesByAssignee")),
    openCaseCountByAssignee: createOpenCaseCountByAssigneeLoader(cases, observer("openCaseCountByAssignee")),
  };
}
