// Trunk post_build hook (see Trunk.toml): final touches to the staged build.
//
// Subresource integrity for the Wasm module. Trunk puts the module's SRI hash on a
// <link rel="preload" as="fetch">, where browsers ignore it (Chromium says so in the console), and
// its boot script fetches the module by bare URL, unchecked. This hook moves the hash onto the
// request that loads the module: the boot script hands wasm-bindgen a Request carrying
// `integrity`, which fetch() enforces, and the ineffective preload goes. If Trunk's output ever
// changes shape, the build fails here rather than shipping an unchecked module.
//
// Content-Security-Policy. A meta tag with the policy goes first in <head>: scripts only from the
// page's origin plus the boot script by its hash, Wasm compilation, nothing else from anywhere
// else (docs/deploy.md has the same policy as headers).
//
// Offline. sw.js (scripts/service-worker.js) is written with the list of every file of the build
// and a version hashed from their contents, so a new build is a new service worker.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

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

let page = html
  .replace(link, "")
  .replace(load, `module_or_path: new Request('${wasm}', { integrity: '${integrity}' })`);

const boot = [...page.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (boot.length !== 1) fail(`index.html has ${boot.length} inline module scripts; the policy allows exactly one`);
if (/<script(?![^>]*type="module">)/.test(page.replace(boot[0][0], ""))) fail("index.html has a script the policy does not allow");
const bootHash = createHash("sha256").update(boot[0][1]).digest("base64");
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${bootHash}'`,
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const charset = '<meta charset="utf-8" />';
if (!page.includes(charset)) fail(`index.html has no ${charset} to put the policy after`);
page = page.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
writeFileSync(path, page);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
const built = files(staging)
  .map((file) => relative(staging, file).split("\\").join("/"))
  .filter((name) => name !== "sw.js")
  .sort();
const version = createHash("sha256");
for (const name of built) version.update(name).update("\0").update(readFileSync(join(staging, name)));
const worker = readFileSync(new URL("./service-worker.js", import.meta.url), "utf8");
if (!worker.includes('"__VERSION__"') || !worker.includes("__FILES__")) fail("scripts/service-worker.js lost its placeholders");
writeFileSync(
  join(staging, "sw.js"),
  worker
    .replace('"__VERSION__"', JSON.stringify(version.digest("hex").slice(0, 16)))
    .replace("__FILES__", JSON.stringify(["./", ...built.map((name) => `./${name}`)])),
);
