import { createHash, randomBytes } from "node:crypto";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Written next to the bundle; the route reads the build id from it. */
export const PLAYGROUND_MANIFEST = "playground-manifest.json";

/** What `PLAYGROUND_MANIFEST` holds. */
export interface PlaygroundManifest {
  buildId: string;
  versions: Record<string, string>;
}

const BROWSER_DIR = path.join(__dirname, "browser");
const APP_ENTRY = path.join(BROWSER_DIR, "playground-app.js");

// Monaco loads these as web workers; each must be a self-contained classic script.
const WORKER_ENTRIES: Record<string, string> = {
  "editor.worker": "monaco-editor/esm/vs/editor/editor.worker.js",
  "json.worker": "monaco-editor/esm/vs/language/json/json.worker.js",
  "graphql.worker": "monaco-graphql/esm/graphql.worker.js",
};

// Any of these changing changes the bundle, so they name the cache folder.
const VERSIONED_PACKAGES = [
  "graphiql",
  "@graphiql/react",
  "react",
  "react-dom",
  "monaco-editor",
  "monaco-graphql",
  "graphql",
  "esbuild",
];

let cached: Promise<string> | undefined;

/**
 * Bundles GraphiQL (React app, CSS, fonts) and Monaco's three workers into
 * `outDir` with esbuild; nothing is left to load from a CDN. Takes a few seconds.
 */
export async function buildPlaygroundBundle(outDir: string): Promise<PlaygroundManifest> {
  // Loaded lazily: esbuild is a dev dependency and is not needed with a prebuilt bundle.
  const esbuild = await import("esbuild");
  const manifest: PlaygroundManifest = { buildId: await playgroundBundleId(), versions: readVersions() };
  const common = {
    bundle: true,
    minify: true,
    outdir: outDir,
    logLevel: "silent",
    legalComments: "linked",
    define: { "process.env.NODE_ENV": '"production"' },
  } as const;
  await fs.mkdir(outDir, { recursive: true });
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { playground: APP_ENTRY },
      // One file, no code splitting: esbuild does not load the CSS of lazily imported
      // chunks (Monaco's), so everything must land in playground.js/.css.
      format: "esm",
      assetNames: "[name]-[hash]",
      target: "es2022",
      loader: { ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "dataurl" },
    }),
    esbuild.build({
      ...common,
      entryPoints: Object.fromEntries(
        Object.entries(WORKER_ENTRIES).map(([name, specifier]) => [name, require.resolve(specifier)]),
      ),
      format: "iife",
      target: "es2022",
    }),
  ]);
  await precompress(outDir);
  await fs.writeFile(path.join(outDir, PLAYGROUND_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Returns the folder of a ready bundle, building it the first time into
 * `<cacheRoot>/<build id>/` (default `.playground-cache/` in the project root).
 * Safe when several processes start at once: each builds into its own temp folder
 * and renames it into place; whoever loses the race uses the winner's folder.
 */
export function ensurePlaygroundBundle(cacheRoot: string = defaultCacheRoot()): Promise<string> {
  if (cacheRoot === defaultCacheRoot()) {
    cached ??= buildOnce(cacheRoot).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  }
  return buildOnce(cacheRoot);
}

/** Hash of the bundled packages' versions and of the sources that shape the bundle. */
export async function playgroundBundleId(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(readVersions()));
  for (const file of [
    __filename,
    ...(await fs.readdir(BROWSER_DIR)).sort().map((f) => path.join(BROWSER_DIR, f)),
  ]) {
    hash.update(path.basename(file));
    hash.update(await fs.readFile(file));
  }
  return hash.digest("hex").slice(0, 16);
}

async function buildOnce(cacheRoot: string): Promise<string> {
  const finalDir = path.join(cacheRoot, await playgroundBundleId());
  if (await exists(path.join(finalDir, PLAYGROUND_MANIFEST))) return finalDir;
  const tempDir = path.join(cacheRoot, `.tmp-${process.pid}-${randomBytes(6).toString("hex")}`);
  try {
    await buildPlaygroundBundle(tempDir);
    await fs.rename(tempDir, finalDir);
  } catch (error) {
    await fs.rm(tempDir, { recursive: true, force: true });
    // Another process renamed its finished build into place first: use that one.
    if (await exists(path.join(finalDir, PLAYGROUND_MANIFEST))) return finalDir;
    throw error;
  }
  return finalDir;
}

// Monaco's bundle is several MB; gzip once at build time rather than per request.
async function precompress(outDir: string): Promise<void> {
  for (const file of await fs.readdir(outDir)) {
    if (!/\.(js|css)$/.test(file)) continue;
    const full = path.join(outDir, file);
    await fs.writeFile(`${full}.gz`, gzipSync(await fs.readFile(full), { level: 9 }));
  }
}

function readVersions(): Record<string, string> {
  return Object.fromEntries(
    VERSIONED_PACKAGES.map((name) => [
      name,
      (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string })
        .version,
    ]),
  );
}

function defaultCacheRoot(): string {
  return path.join(projectRoot(), ".playground-cache");
}

// The nearest folder with a package.json, whether run from src/ by tsx or from dist/.
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
