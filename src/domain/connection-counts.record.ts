/** Client connections of the database server (serverStatus.connections). */
export interface ConnectionCountsRecord {
  current: number;
  available: number;
}
