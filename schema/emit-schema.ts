import "reflect-metadata";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildGatewaySchema, printGatewaySchema } from "./build-schema";

/**
 * `npm run schema:emit`: writes schema/schema.graphql, the committed public
 * contract. A test fails when it is stale.
 */
async function emitSchema(): Promise<void> {
  const target = path.join(__dirname, "schema.graphql");
  writeFileSync(target, printGatewaySchema(await buildGatewaySchema()));
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

void emitSchema().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
