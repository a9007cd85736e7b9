/**
 * Shared by the server tests: an app over the hand-built fixture model (no search, built in
 * milliseconds), JSON and multipart requests through app.request() — no port — and the fixture's
 * periods as /predict rows and channel-dir CSV files.
 */
import { createApp, type AppOptions, type MixlabApp } from "../../src/server/app";
import type { FittedModel } from "../../src/models/fitted-model";
import { fixtureInput, fixtureModel } from "../artifact/fixture-model";

export { fixtureInput, fixtureModel };

/** fixtureApp(options) → createApp over { fixture: fixtureModel() } plus `options`. */
export function fixtureApp(options: Partial<AppOptions> = {}): MixlabApp {
  return createApp({ models: new Map<string, FittedModel>([["fixture", fixtureModel()]]), ...options });
}

/** postJson(app, path, body, headers) → the response to a POST of `body` (a string is sent as is) as application/json. */
export function postJson(app: MixlabApp, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(app.request(path, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  }));
}

/** fixtureRows(from, to) → rows [from, to) of fixtureInput() as /predict rows (date, tv, radio, price). */
export function fixtureRows(from = 0, to = 40): Record<string, number | string>[] {
  const input = fixtureInput();
  const rows: Record<string, number | string>[] = [];
  for (let i = from; i < to; i++) {
    rows.push({ date: input.dates[i], tv: input.columns.tv[i], radio: input.columns.radio[i], price: input.columns.price[i] });
  }
  return rows;
}

/** fixtureCsvFiles() → the fixture's periods as a channel-dir: tv_spend.csv, radio_spend.csv, sales_data.csv. */
export function fixtureCsvFiles(): { name: string; text: string }[] {
  const input = fixtureInput();
  const file = (column: string, values: ArrayLike<number>) => `date,${column}\n${input.dates.map((d, i) => `${d},${values[i]}\n`).join("")}`;
  return [
    { name: "tv_spend.csv", text: file("spend", input.columns.tv) },
    { name: "radio_spend.csv", text: file("spend", input.columns.radio) },
    { name: "sales_data.csv", text: file("sales", input.sales) },
  ];
}

/** postFiles(app, path, files) → the response to a multipart POST with one `files` field per file. */
export function postFiles(app: MixlabApp, path: string, files: { name: string; text: string }[]): Promise<Response> {
  const form = new FormData();
  for (const f of files) form.append("files", new File([f.text], f.name, { type: "text/csv" }));
  return Promise.resolve(app.request(path, { method: "POST", body: form }));
}

/** errorOf(response) → the `error` message of a JSON error answer (fails when the body is not one). */
export async function errorOf(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: unknown };
  if (typeof body.error !== "string") throw new Error(`not an error body: ${JSON.stringify(body)}`);
  return body.error;
}
