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
// The static page. The landing page and a step's skeleton, rendered natively from the app's own
// components (`cargo run --bin static-page`, see `static_page` in src/lib.rs), go into the body, so
// there is real content on screen before the Wasm module arrives; the app takes it over. The
// release build's cargo settings (nightly, rebuilt standard library) are for the Wasm module and
// are not passed on to this native build.
//
// Offline. sw.js (scripts/service-worker.js) is written with the list of every file of the build
// and a version hashed from their contents, so a new build is a new service worker.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
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
const route = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)];
if (route.length !== 1) fail(`index.html has ${route.length} inline classic scripts; the policy allows exactly one, the one that picks what the static page shows`);
if (/<script(?![^>]*type="module">)/.test(page.replace(boot[0][0], "").replace(route[0][0], ""))) fail("index.html has a script the policy does not allow");
const hash = (script) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hash(boot[0][1])} ${hash(route[0][1])}`,
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

// The modules loaded on first use, which Trunk builds as worker-type modules under fixed names:
// here each is named by its content like every other file, and where it is and the hashes the app
// checks it against go in a meta tag. `tail` is appended to wasm-bindgen's loader (a script-level
// `let wasm_bindgen`).
const named = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
if (page.split("</head>").length !== 2) fail("index.html has no single </head>");
function onFirstUse(stem, meta, tail) {
  const script = join(staging, `${stem}.js`);
  const wasm = join(staging, `${stem}_bg.wasm`);
  if (!existsSync(script) || !existsSync(wasm)) fail(`the build has no ${stem} module (${stem}.js, ${stem}_bg.wasm)`);
  const loader = readFileSync(script, "utf8");
  if (!/^let wasm_bindgen\b/m.test(loader)) fail(`${stem}.js no longer declares wasm_bindgen: wasm-bindgen's output changed shape`);
  const code = Buffer.from(`${loader}\n${tail}\n`);
  const bytes = readFileSync(wasm);
  const name = `${stem}-${named(Buffer.concat([code, bytes]))}`;
  writeFileSync(join(staging, `${name}.js`), code);
  writeFileSync(join(staging, `${name}_bg.wasm`), bytes);
  unlinkSync(script);
  unlinkSync(wasm);
  const tag =
    `<meta name="${meta}" data-script="./${name}.js" data-script-integrity="${sri(code)}" ` +
    `data-wasm="./${name}_bg.wasm" data-wasm-integrity="${sri(bytes)}" />`;
  page = page.replace("</head>", `  ${tag}\n  </head>`);
}

// The later module (src/later.rs): review mode and the bundle writer, run in the page; its loader
// is made a global the app calls.
onFirstUse("later", "vcsp-intake-later", "globalThis.__vcspIntakeLaterInit = wasm_bindgen;");

// The workers: the assessment (src/assess) and the evidence reader (src/import/reader.rs), each
// run as a Web Worker from its script (src/platform/worker.rs). Its first message says where the
// Wasm is and its hash; the Wasm is fetched with that hash, which fetch() enforces, and once
// started the worker answers the page itself.
const workerStart = [
  "self.onmessage = (event) => {",
  "  self.onmessage = null;",
  "  wasm_bindgen({ module_or_path: new Request(event.data.wasm, { integrity: event.data.integrity }) })",
  '    .catch((error) => self.postMessage({ kind: "failed", message: String(error) }));',
  "};",
].join("\n");
onFirstUse("assess", "vcsp-intake-assess", workerStart);
onFirstUse("evidence", "vcsp-intake-evidence", workerStart);

const placeholder = '<div id="static-page"></div>';
if (page.split(placeholder).length !== 2) fail(`index.html has no single ${placeholder} for the static page`);
const native = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => name !== "RUSTUP_TOOLCHAIN" && !name.startsWith("CARGO_UNSTABLE_") && !name.startsWith("CARGO_PROFILE_"),
  ),
);
let rendered;
try {
  rendered = execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "static-page"], {
    cwd: process.env.TRUNK_SOURCE_DIR ?? process.cwd(),
    env: native,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
} catch (error) {
  fail(`could not render the static page (cargo run --bin static-page): ${error.message}`);
}
if (!rendered.startsWith('<div id="static-page"')) fail("the static page does not start with its container");
if (/<script/i.test(rendered)) fail("the static page has a script, which the policy does not allow");
page = page.replace(placeholder, () => rendered);
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
