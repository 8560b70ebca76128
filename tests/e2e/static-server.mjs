// A static file server for the end-to-end tests: serves dist/ at the root and under a deep sub-path
// (as a partner's intranet server might), and nothing else, so an absolute asset URL shows up as a
// 404. With --brotli it compresses what it sends with brotli (quality 11) when the browser accepts it,
// as a production server should (docs/deploy.md): the benchmarks measure that.
// Usage: node tests/e2e/static-server.mjs DIR PORT [--brotli]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const SUB_PATH = "/partners/intake/";

const [root, port, option] = process.argv.slice(2);
const compressed = new Map();
const brotli = (file, body) => {
  if (!compressed.has(file)) {
    compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return compressed.get(file);
};
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

if (root && port) {
  createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    const relative = path.startsWith(SUB_PATH) ? path.slice(SUB_PATH.length) : path.slice(1);
    const file = normalize(join(root, relative || "index.html"));
    if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(relative.endsWith("/") ? join(file, "index.html") : file);
      const headers = { "content-type": types[extname(file)] ?? "application/octet-stream" };
      if (option === "--brotli" && /\bbr\b/.test(request.headers["accept-encoding"] ?? "")) {
        response.writeHead(200, { ...headers, "content-encoding": "br", vary: "accept-encoding" });
        response.end(brotli(file, body));
      } else {
        response.writeHead(200, headers);
        response.end(body);
      }
    } catch {
      response.writeHead(404).end();
    }
  })
    .on("error", (error) => {
      console.error(`static-server: ${error.message}`);
      process.exit(1);
    })
    .listen(Number(port), "127.0.0.1");
}
