// Shared by the end-to-end tests.
import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";

/** The command-line tool, built from the same core: the reference the app must agree with. */
export function intake(...args: string[]): string {
  return execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "intake-cli", "--", ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Collects console errors and warnings, uncaught page errors and failed requests. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
