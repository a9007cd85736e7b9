import { describe, expect, it } from "vitest";
import { escapeHtml, jsonForScript } from "../../src/report/html-escape";

describe("escapeHtml", () => {
  it("escapeHtml(text) replaces the five HTML-special characters by entities", () => {
    expect(escapeHtml(`<a href="x">R&D's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
    expect(escapeHtml("plain text")).toBe("plain text");
  });
});

describe("jsonForScript", () => {
  it("jsonForScript(value) never contains <, > or & and parses back to the value", () => {
    const value = { name: "</script><!-- & \u2028\u2029", n: [1.5, null] };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
    expect(new Function(`return ${text};`)()).toEqual(value);
  });
});
