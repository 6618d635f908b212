import type { Engine } from "../storage/engine";
import { ChangeHistory, DEFAULT_CHANGE_HISTORY_SIZE } from "./change-history";
import { ChangeStreamHub } from "./change-stream-hub";
import { HistoryFile } from "./history-file";

const hubs = new WeakMap<Engine, ChangeStreamHub>();

export interface ChangeStreamSettings {
  /** Events the history keeps (default 10,000). */
  historySize?: number;
  /** Keep the history in this directory (the engine's --data-dir) so tokens survive a restart. */
  dataDir?: string;
  /** The clock of cluster times (tests may inject one). */
  nowMs?: () => number;
}

/** Turns change streams on for an engine; call after its data was loaded (replay is no change). */
export function attachChangeStreams(engine: Engine, settings: ChangeStreamSettings = {}): ChangeStreamHub {
  const capacity = Math.max(1, Math.floor(settings.historySize ?? DEFAULT_CHANGE_HISTORY_SIZE));
  const nowMs = settings.nowMs ?? Date.now;
  const start = { t: Math.floor(nowMs() / 1000), i: 0, op: 0 };
  let file: HistoryFile | null = null;
  let history: ChangeHistory;
  if (settings.dataDir) {
    file = new HistoryFile(settings.dataDir, capacity);
    const loaded = file.load();
    const kept = loaded.entries.slice(Math.max(0, loaded.entries.length - capacity));
    const dropped = loaded.entries.length - kept.length;
    let lostBefore = dropped > 0 ? loaded.entries[dropped - 1].pos : (loaded.lostBefore ?? start);
    if (loaded.lostBefore && dropped === 0) lostBefore = loaded.lostBefore;
    history = new ChangeHistory(capacity, lostBefore, nowMs);
    history.append(kept);
    file.rewrite(history.lostBefore, history.all());
  } else {
    history = new ChangeHistory(capacity, start, nowMs);
  }
  const hub = new ChangeStreamHub(engine, history, file);
  hubs.set(engine, hub);
  return hub;
}

/** The change streams of an engine, if it has them turned on. */
export function changeStreamHubOf(engine: Engine): ChangeStreamHub | undefined {
  return hubs.get(engine);
}
