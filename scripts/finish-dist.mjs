// Trunk post_build hook (see Trunk.toml): final touches to the staged index.html.
//
// Subresource integrity for the Wasm module. Trunk puts the module's SRI hash on a
// <link rel="preload" as="fetch">, where browsers ignore it (Chromium says so in the console), and
// its boot script fetches the module by bare URL, unchecked. This hook moves the hash onto the
// request that loads the module: the boot script hands wasm-bindgen a Request carrying
// `integrity`, which fetch() enforces, and the ineffective preload goes. If Trunk's output ever
// changes shape, the build fails here rather than shipping an unchecked module.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function fail(message) {
  console.error(`finish-dist: ${message}`);
  process.exit(1);
}

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail("run me as a Trunk post_build hook: TRUNK_STAGING_DIR is not set");

const path = join(staging, "index.html");
const html = readFileSync(path, "utf8");

const preload = html.match(/<link rel="preload" href="([^"]+_bg\.wasm)"[^>]*\sintegrity="([^"]+)"[^>]*>/);
if (!preload) fail("index.html has no preload link with an integrity hash for the .wasm module");
const [link, wasm, integrity] = preload;

const load = `module_or_path: '${wasm}'`;
if (html.split(load).length !== 2) fail(`the boot script does not load ${wasm} exactly once`);

writeFileSync(
  path,
  html.replace(link, "").replace(load, `module_or_path: new Request('${wasm}', { integrity: '${integrity}' })`),
);
