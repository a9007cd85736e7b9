/**
 * launchChromium(): Debian's Chromium (apt-get install -y chromium) driven by playwright-core —
 * Playwright's own browser download cannot work here. A missing browser fails the test with the
 * command that installs it; it never skips.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * launchChromium(path) → a headless Chromium (no sandbox: the tests may run as root).
 * @throws Error naming the path and the install command when Chromium is missing
 */
export async function launchChromium(path = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(path)) {
    throw new Error(`Chromium is missing at ${path}: the planning page's browser tests need it; install it with \`apt-get install -y chromium\` (.ci/run does)`);
  }
  return chromium.launch({ executablePath: path, args: ["--no-sandbox"] });
}
