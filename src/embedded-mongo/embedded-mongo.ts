/** A running engine. */
export interface EmbeddedMongo {
  /** mongodb://127.0.0.1:P/?replicaSet=rs0 */
  uri: string;
  port: number;
  host: string;
  /** Closes every connection and the listening socket. */
  stop(): Promise<void>;
}
