// Serves a build for the measuring scripts (bench-ui, first-download, lighthouse) with
// tests/e2e/static-server.mjs, and makes sure what answers on the port is this build: a server
// left running by an earlier, interrupted run would otherwise be measured instead, silently. The
// server stops when the script exits, however it exits.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Starts serving `root` on `port` (with brotli when `brotli`); resolves once it serves `root`. */
export async function serve(root, port, { brotli = false } = {}) {
  const args = ["tests/e2e/static-server.mjs", root, String(port), ...(brotli ? ["--brotli"] : [])];
  const server = spawn("node", args, { stdio: "inherit" });
  process.on("exit", () => server.kill());
  const expected = readFileSync(join(root, "index.html"), "utf8");
  for (let attempt = 0; attempt < 50; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (server.exitCode !== null) break;
    try {
      const served = await (await fetch(`http://127.0.0.1:${port}/index.html`)).text();
      if (served === expected) return server;
    } catch {
      // Not listening yet.
    }
  }
  server.kill();
  console.error(
    `Port ${port} does not serve ${root}: another server holds it (a run that was cut short?). ` +
      `Stop it (pkill -f static-server.mjs) and run again.`,
  );
  process.exit(1);
}
