import { aggregateCommand } from "./aggregateCommand";
import { buildInfoCommand } from "./buildInfoCommand";
import type { CommandHandler } from "./CommandContext";
import { collModCommand } from "./collModCommand";
import { compactCommand } from "./compactCommand";
import { currentOpCommand } from "./currentOpCommand";
import { profileCommand } from "./profileCommand";
import { validateCommand } from "./validateCommand";
import { collStatsCommand } from "./collStatsCommand";
import { configureFailPointCommand } from "./configureFailPointCommand";
import { countCommand } from "./countCommand";
import { createCommand } from "./createCommand";
import { createIndexesCommand } from "./createIndexesCommand";
import { dbStatsCommand } from "./dbStatsCommand";
import { deleteCommand } from "./deleteCommand";
import { distinctCommand } from "./distinctCommand";
import { dropCommand } from "./dropCommand";
import { dropDatabaseCommand } from "./dropDatabaseCommand";
import { dropIndexesCommand } from "./dropIndexesCommand";
import { explainCommand } from "./explainCommand";
import { findAndModifyCommand } from "./findAndModifyCommand";
import { findCommand } from "./findCommand";
import { getMoreCommand } from "./getMoreCommand";
import { getParameterCommand } from "./getParameterCommand";
import { helloCommand } from "./helloCommand";
import { insertCommand } from "./insertCommand";
import { killCursorsCommand } from "./killCursorsCommand";
import { listCollectionsCommand } from "./listCollectionsCommand";
import { listDatabasesCommand } from "./listDatabasesCommand";
import { listIndexesCommand } from "./listIndexesCommand";
import { pingCommand } from "./pingCommand";
import { renameCollectionCommand } from "./renameCollectionCommand";
import { serverStatusCommand } from "./serverStatusCommand";
import { setParameterCommand } from "./setParameterCommand";
import { updateCommand } from "./updateCommand";
import {
  endSessionsCommand,
  killAllSessionsCommand,
  refreshSessionsCommand,
  transactionCommand,
} from "../sessions/sessionCommands";

/** Every command the engine answers, by the name clients send. */
export const commandTable: Readonly<Record<string, CommandHandler>> = {
  hello: helloCommand,
  isMaster: helloCommand,
  ismaster: helloCommand,
  ping: pingCommand,
  configureFailPoint: configureFailPointCommand,
  buildInfo: buildInfoCommand,
  buildinfo: buildInfoCommand,
  getParameter: getParameterCommand,
  setParameter: setParameterCommand,
  endSessions: endSessionsCommand,
  killAllSessions: killAllSessionsCommand,
  killSessions: endSessionsCommand,
  refreshSessions: refreshSessionsCommand,
  commitTransaction: transactionCommand,
  abortTransaction: transactionCommand,
  startSession: pingCommand,
  getLastError: pingCommand,
  getFreeMonitoringStatus: pingCommand,
  listDatabases: listDatabasesCommand,
  listCollections: listCollectionsCommand,
  create: createCommand,
  drop: dropCommand,
  dropDatabase: dropDatabaseCommand,
  renameCollection: renameCollectionCommand,
  insert: insertCommand,
  find: findCommand,
  getMore: getMoreCommand,
  killCursors: killCursorsCommand,
  count: countCommand,
  distinct: distinctCommand,
  aggregate: aggregateCommand,
  update: updateCommand,
  delete: deleteCommand,
  findAndModify: findAndModifyCommand,
  findandmodify: findAndModifyCommand,
  createIndexes: createIndexesCommand,
  listIndexes: listIndexesCommand,
  dropIndexes: dropIndexesCommand,
  deleteIndexes: dropIndexesCommand,
  serverStatus: serverStatusCommand,
  dbStats: dbStatsCommand,
  collStats: collStatsCommand,
  collMod: collModCommand,
  explain: explainCommand,
  profile: profileCommand,
  currentOp: currentOpCommand,
  validate: validateCommand,
  compact: compactCommand,
};
