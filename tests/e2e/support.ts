// Shared by the end-to-end tests.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { type Page, test } from "@playwright/test";

/**
 * A path for a file the running test writes, in its own output folder under test-results/artifacts:
 * Playwright empties that folder at the start of each run and keeps a test's files only when it
 * fails, so neither /tmp nor the disk fills up run after run.
 */
export function scratch(name: string): string {
  return test.info().outputPath(name);
}

/** A folder made in the running test's output folder (see `scratch`), for several files. */
export function scratchFolder(name: string): string {
  const folder = scratch(name);
  mkdirSync(folder);
  return folder;
}

/** The command-line tool, built from the same core: the reference the app must agree with. */
export function intake(...args: string[]): string {
  return execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "intake-cli", "--", ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Writes a made-up platform's collector export (`crates/exports`): `rvtools` (an .xlsx) or
 * `healthcheck` (a folder, or a zip when the path ends in .zip), at `output`.
 */
export function collectorExport(kind: "rvtools" | "healthcheck", output: string, ...args: string[]): string {
  execFileSync(
    "cargo",
    ["run", "--quiet", "--locked", "-p", "collector-exports", "--", kind, "--output", output, ...args],
    { encoding: "utf8" },
  );
  return output;
}

/** The origins the tests serve the app from: the static servers on this machine's loopback. */
const OWN_ORIGIN = /^http:\/\/127\.0\.0\.1:\d+$/;

/**
 * Collects console errors and warnings (a Content-Security-Policy violation is one), uncaught page
 * errors, failed requests (but those cancelled by leaving the page), and any request to an origin
 * other than the page's own.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.context().on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "blob:" && url.protocol !== "data:" && !OWN_ORIGIN.test(url.origin)) {
      problems.push(`request to another origin: ${request.url()}`);
    }
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // A request cancelled because the page was reloaded or left (a worker still fetching its module)
  // is not a problem; one refused or failed is (CSP: net::ERR_BLOCKED_BY_CSP, a server gone...).
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`request failed: ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
