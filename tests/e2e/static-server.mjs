// A static file server for the end-to-end tests: serves dist/ at the root and under a deep sub-path
// (as a partner's intranet server might), and nothing else, so an absolute asset URL shows up as a
// 404. Usage: node tests/e2e/static-server.mjs DIR PORT
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const SUB_PATH = "/partners/intake/";

const [root, port] = process.argv.slice(2);
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
      response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  }).listen(Number(port), "127.0.0.1");
}
