/**
 * The planning page in a real browser (Debian's Chromium through playwright-core): a real server
 * (startServer, port 0, worker threads) serving two models — the bundled weekly set fitted with
 * bootstrap draws ("weekly", so /whatif gives intervals) and the hand-built fixture ("fixture",
 * the default: first by id). Every number the page shows is checked against the server's own
 * /whatif or /optimize answer for the inputs the page shows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveModel } from "../../src/artifact/save";
import { startServer, type RunningServer } from "../../src/server/main";
import { fixtureModel } from "../artifact/fixture-model";
import { launchChromium } from "../helpers/chromium";
import { expectClose } from "../helpers/expect-close";
import { fitWeekly } from "../helpers/fitted-models";

const dir = mkdtempSync(join(tmpdir(), "mixlab-plan-page-"));
let server: RunningServer;
let browser: Browser;
/** Every URL any page of the tests asked for, and every error a page logged. */
const requested: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const { model } = await fitWeekly();
  saveModel(join(dir, "weekly.json"), model);
  saveModel(join(dir, "fixture.json"), fixtureModel());
  // A long deadline: the machine may be loaded, and the routes' deadline is not what is tested here.
  server = await startServer({ models: dir, port: 0, accessLog: false, log: () => undefined, limits: { timeoutMs: 60_000 } });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** post(path, body) → the server's JSON answer (status 200 expected). */
async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const r = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(r.status).toBe(200);
  return (await r.json()) as Record<string, unknown>;
}

/**
 * open(query, expected) → a page at `/${query}` once it has its first answers, every request
 * recorded, and every error it logs (but those matching `expected`).
 */
async function open(query = "", expected?: RegExp): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(60_000); // a loaded machine; no wall time is asserted
  page.on("request", (r) => requested.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !expected?.test(m.text())) pageErrors.push(m.text());
  });
  await page.goto(`${server.url}/${query}`);
  await settled(page);
  return page;
}

/** settled(page) waits until no input waits for its answer (body[data-busy="false"]). */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-busy="false"]');
  expect(await page.textContent("[data-status]")).toBe("");
}

/** shown(page) → the spend per period in each channel's input, the horizon, and the data attributes of the planned response, its interval and the total spend. */
async function shown(page: Page) {
  const pairs: [string, string][] = await page.locator("input[data-channel]").evaluateAll((inputs) => inputs.map((i) => [i.dataset.channel, i.value]));
  const attribute = async (selector: string, name: string) => Number(await page.getAttribute(selector, name));
  return {
    spend: Object.fromEntries(pairs.map(([c, v]) => [c, Number(v)])),
    periods: Number(await page.inputValue("[data-plan-periods]")),
    value: await attribute("[data-planned-response]", "data-value"),
    request: JSON.parse((await page.getAttribute("[data-planned-response]", "data-request")) ?? "null"),
    low: await attribute("[data-planned-interval]", "data-low"),
    high: await attribute("[data-planned-interval]", "data-high"),
    totalSpend: await attribute("[data-total-spend]", "data-value"),
  };
}

/** round6(x): what the page writes into an input (six significant digits). */
const round6 = (x: number) => Number(x.toPrecision(6));

describe("the planning page in Chromium", () => {
  it("launchChromium(path) fails, naming the path and the apt command, when the browser is missing (never skips)", async () => {
    await expect(launchChromium("/nonexistent/chromium")).rejects.toThrow("Chromium is missing at /nonexistent/chromium: the planning page's browser tests need it; install it with `apt-get install -y chromium`");
  });

  it("opens ?model=weekly with every channel at its current spend per period and shows /whatif's response and 90 % interval for those inputs", async () => {
    const page = await open("?model=weekly");
    try {
      const base = await post("/whatif?model=weekly", { spend: {} }) as { periods: number; channels: { name: string; spend: number }[] };
      const s = await shown(page);
      expect(s.periods).toBe(base.periods);
      expect(s.spend).toEqual(Object.fromEntries(base.channels.map((c) => [c.name, round6(c.spend / base.periods)])));
      expect(s.request).toEqual({ spend: s.spend, periods: s.periods });
      const answer = await post("/whatif?model=weekly", { spend: s.spend, periods: s.periods }) as { response: number; response_low: number; response_high: number };
      expect(s.value).toBe(answer.response);
      expect([s.low, s.high]).toEqual([answer.response_low, answer.response_high]);
      expect(s.low).toBeLessThan(s.high);
      expectClose(s.totalSpend, Object.values(s.spend).reduce((a, v) => a + v * s.periods, 0), { rel: 1e-12 });
      expect(await page.locator("[data-response-curves] .main-svg").count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("moving the tv slider, then the horizon, shows the response /whatif gives for the new inputs", async () => {
    const page = await open("?model=weekly");
    try {
      const before = await shown(page);
      const slider = page.locator('input[data-slider="tv"]');
      const box = await slider.boundingBox();
      if (box === null) throw new Error("the tv slider is not visible");
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
      await settled(page);
      const moved = await shown(page);
      expect(moved.spend.tv).toBeGreaterThan(2 * before.spend.tv);
      expect({ ...moved.spend, tv: before.spend.tv }).toEqual(before.spend);
      expect(moved.request).toEqual({ spend: moved.spend, periods: moved.periods });
      const answer = await post("/whatif?model=weekly", moved.request) as { response: number };
      expect(moved.value).toBe(answer.response);
      expect(moved.value).not.toBe(before.value);

      await page.fill("[data-plan-periods]", "26");
      await settled(page);
      const longer = await shown(page);
      expect(longer.request).toEqual({ spend: moved.spend, periods: 26 });
      expect(longer.value).toBe((await post("/whatif?model=weekly", { spend: moved.spend, periods: 26 }) as { response: number }).response);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("Apply the optimal split puts /optimize's allocation of the same budget into the inputs (per period, six digits)", async () => {
    const page = await open("?model=weekly");
    try {
      const before = await shown(page);
      const budget = Object.values(before.spend).reduce((a, v) => a + v * before.periods, 0);
      const optimal = await post("/optimize?model=weekly", { budget, periods: before.periods }) as { allocation: { name: string; optimal: number }[] };
      await page.click("[data-apply-optimal]");
      await settled(page);
      const applied = await shown(page);
      for (const a of optimal.allocation) expectClose(applied.spend[a.name], a.optimal / before.periods, { rel: 5e-6 });
      expect(applied.spend).not.toEqual(before.spend);
      expect(applied.value).toBe((await post("/whatif?model=weekly", applied.request) as { response: number }).response);
      expect(applied.request.spend).toEqual(applied.spend);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("shows the model picker with both models (the fixture first, without an interval) and switches to the chosen model's channels", async () => {
    const page = await open();
    try {
      expect(await page.isVisible("[data-model-picker]")).toBe(true);
      expect(await page.locator("[data-model-picker] option").evaluateAll((options) => options.map((o) => o.value))).toEqual(["fixture", "weekly"]);
      expect(Object.keys((await shown(page)).spend)).toEqual(["tv", "radio"]);
      // the fixture has no draws: /whatif gives no interval, and the page says so instead of inventing one
      expect(await page.textContent("[data-planned-interval]")).toBe("no interval: this model was saved without bootstrap or posterior draws");
      expect(await page.getAttribute("[data-planned-interval]", "data-low")).toBe("");
      await page.selectOption("[data-model-picker]", "weekly");
      await page.waitForSelector('input[data-channel="search"]');
      await settled(page);
      const s = await shown(page);
      expect(Object.keys(s.spend)).toEqual(["tv", "radio", "social_media", "search", "outdoor"]);
      expect(s.value).toBe((await post("/whatif?model=weekly", s.request) as { response: number }).response);
      expect(new URL(page.url()).searchParams.get("model")).toBe("weekly");
    } finally {
      await page.close();
    }
  }, 120_000);

  it("a negative spend typed in is refused with a message naming the channel, and nothing is asked", async () => {
    const page = await open("?model=weekly");
    try {
      const before = await shown(page);
      const asked = requested.length;
      await page.fill('input[data-channel="radio"]', "-5");
      await page.waitForSelector('body[data-busy="false"]');
      expect(await page.textContent("[data-status]")).toBe("the spend of radio must be a number ≥ 0");
      expect(requested.length).toBe(asked);
      expect((await shown(page)).value).toBe(before.value);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("over a horizon too long for the curves' scenarios (413), the page still shows /whatif's response and the optimiser's split, and says why the curves are missing", async () => {
    const page = await open("?model=weekly", /status of 413/);
    try {
      const before = await shown(page);
      await page.fill("[data-plan-periods]", "900");
      await page.waitForSelector('body[data-busy="false"]');
      const s = await shown(page);
      expect(s.request).toEqual({ spend: before.spend, periods: 900 });
      expect(s.value).toBe((await post("/whatif?model=weekly", s.request) as { response: number }).response);
      expect(await page.textContent("[data-status]")).toBe("");
      expect(await page.textContent("[data-curves-note]")).toMatch(/^No response curves or current spend for 900 weeks: \/whatif: the request asks for 23400 scenarios × periods, more than 20000/);
      expect(await page.locator("[data-optimal]").count()).toBe(5);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("no request of any page left the server's origin, and no page logged an error", () => {
    expect(requested.length).toBeGreaterThan(20);
    const origin = new URL(server.url).origin;
    expect(requested.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    const paths = new Set(requested.map((u) => new URL(u).pathname));
    for (const p of ["/", "/plan.js", "/plotly.min.js", "/models", "/whatif", "/optimize"]) expect(paths.has(p)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
