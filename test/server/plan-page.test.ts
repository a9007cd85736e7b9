import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PLAN_PAGE_DIR } from "../../src/server/plan-page";
import { plotlyLibraryPath } from "../../src/report/plotly-html";
import { fixtureApp } from "./server-helpers";

const app = fixtureApp({ inlineWork: true });
afterAll(() => app.close());

describe("GET / (the planning page) and its files, without a browser", () => {
  it("GET / answers the page with the contract's hooks, scripts only from the server, and a same-origin Content-Security-Policy", async () => {
    const r = await app.request("/");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(r.headers.get("content-security-policy")).toMatch(/^default-src 'self';/);
    const html = await r.text();
    expect(html).toBe(readFileSync(join(PLAN_PAGE_DIR, "plan.html"), "utf8"));
    for (const hook of ["data-plan-periods", "data-planned-response", "data-planned-interval", "data-apply-optimal", "data-response-curves", "data-model-picker"]) {
      expect(html).toContain(hook);
    }
    expect([...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(["/plotly.min.js", "/plan.js"]);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("GET /plan.js and GET /plotly.min.js answer the page's script and the installed Plotly, as JavaScript", async () => {
    const js = await app.request("/plan.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await js.text()).toBe(readFileSync(join(PLAN_PAGE_DIR, "plan.js"), "utf8"));
    const plotly = await app.request("/plotly.min.js");
    expect(plotly.status).toBe(200);
    expect(plotly.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(Buffer.from(await plotly.arrayBuffer()).equals(readFileSync(plotlyLibraryPath()))).toBe(true);
  });

  it("the page's script asks only the server's own routes (relative URLs, no other host)", () => {
    const js = readFileSync(join(PLAN_PAGE_DIR, "plan.js"), "utf8");
    expect(js).not.toMatch(/https?:\/\//);
    const paths = new Set([...js.matchAll(/(?:api|fetch)\("(\/[a-z]*)"/g)].map((m) => m[1]));
    expect([...paths].sort()).toEqual(["/models", "/optimize", "/whatif"]);
  });

  it("POST / is a 405 naming GET, like the other GET routes", async () => {
    const r = await app.request("/", { method: "POST", body: "{}" });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET");
    expect(await r.json()).toEqual({ error: "/ takes GET, not POST" });
  });
});
