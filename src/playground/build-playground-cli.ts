import { rm } from "node:fs/promises";
import path from "node:path";
import { buildPlaygroundBundle, ensurePlaygroundBundle } from "./build-playground";

/**
 * `npm run build:playground [outDir]`. Without a folder it warms
 * `.playground-cache/`; with one it writes a fresh bundle there, for deployments
 * that run without esbuild (pass the folder to `registerPlayground` as `bundleDir`).
 */
export async function buildPlaygroundCli(argv: readonly string[]): Promise<string> {
  const target = argv[0];
  if (target === undefined) return ensurePlaygroundBundle();
  const outDir = path.resolve(target);
  await rm(outDir, { recursive: true, force: true });
  await buildPlaygroundBundle(outDir);
  return outDir;
}

if (require.main === module) {
  buildPlaygroundCli(process.argv.slice(2)).then(
    (dir) => console.log(`playground bundle: ${dir}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
