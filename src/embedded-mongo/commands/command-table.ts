import { aggregateCommand } from "./aggregate-command";
import { buildInfoCommand } from "./build-info-command";
import type { CommandHandler } from "./command-context";
import { collModCommand } from "./coll-mod-command";
import { compactCommand } from "./compact-command";
import { currentOpCommand } from "./current-op-command";
import { profileCommand } from "./profile-command";
import { validateCommand } from "./validate-command";
import { collStatsCommand } from "./coll-stats-command";
import { configureFailPointCommand } from "./configure-fail-point-command";
import { countCommand } from "./count-command";
import { createCommand } from "./create-command";
import { createIndexesCommand } from "./create-indexes-command";
import { dbStatsCommand } from "./db-stats-command";
import { deleteCommand } from "./delete-command";
import { distinctCommand } from "./distinct-command";
import { dropCommand } from "./drop-command";
import { dropDatabaseCommand } from "./drop-database-command";
import { dropIndexesCommand } from "./drop-indexes-command";
import { explainCommand } from "./explain-command";
import { findAndModifyCommand } from "./find-and-modify-command";
import { findCommand } from "./find-command";
import { getMoreCommand } from "./get-more-command";
import { getParameterCommand } from "./get-parameter-command";
import { helloCommand } from "./hello-command";
import { insertCommand } from "./insert-command";
import { killCursorsCommand } from "./kill-cursors-command";
import { listCollectionsCommand } from "./list-collections-command";
import { listDatabasesCommand } from "./list-databases-command";
import { listIndexesCommand } from "./list-indexes-command";
import { pingCommand } from "./ping-command";
import { renameCollectionCommand } from "./rename-collection-command";
import { serverStatusCommand } from "./server-status-command";
import { setParameterCommand } from "./set-parameter-command";
import { updateCommand } from "./update-command";
import {
  endSessionsCommand,
  killAllSessionsCommand,
  refreshSessionsCommand,
  transactionCommand,
} from "../sessions/session-commands";

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
