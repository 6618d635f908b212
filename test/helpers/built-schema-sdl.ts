import "reflect-metadata";
import { expect } from "vitest";
import { buildGatewaySchema, printGatewaySchema } from "../../schema/build-schema";

/** The SDL the code builds now (not the committed file). */
export async function builtSchemaSdl(): Promise<string> {
  return printGatewaySchema(await buildGatewaySchema());
}

/**
 * The SDL the code builds, with a check that it holds every one of `parts` (signatures,
 * arguments with their defaults) word for word.
 */
export async function builtSchemaSdlContaining(parts: readonly string[]): Promise<string> {
  const sdl = await builtSchemaSdl();
  for (const part of parts) expect(sdl).toContain(part);
  return sdl;
}
