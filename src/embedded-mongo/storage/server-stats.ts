/** Counters reported by serverStatus, counted the way mongod counts them. */
export interface ServerStats {
  readonly startedAt: Date;
  opcounters: {
    insert: number;
    query: number;
    update: number;
    delete: number;
    getmore: number;
    command: number;
  };
  connections: { current: number; totalCreated: number };
}

export function newServerStats(): ServerStats {
  return {
    startedAt: new Date(),
    opcounters: { insert: 0, query: 0, update: 0, delete: 0, getmore: 0, command: 0 },
    connections: { current: 0, totalCreated: 0 },
  };
}
