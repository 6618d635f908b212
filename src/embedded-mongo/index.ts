export type { EmbeddedMongo } from "./EmbeddedMongo";
export type { EmbeddedMongoOptions } from "./EmbeddedMongoOptions";
export { runEmbeddedMongoCli } from "./runEmbeddedMongoCli";
export { startEmbeddedMongo } from "./startEmbeddedMongo";
