export type { EmbeddedMongo } from "./embedded-mongo";
export type { EmbeddedMongoOptions } from "./embedded-mongo-options";
export { runEmbeddedMongoCli } from "./run-embedded-mongo-cli";
export { startEmbeddedMongo } from "./start-embedded-mongo";
