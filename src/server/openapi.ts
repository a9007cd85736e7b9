/**
 * openApiDocument(served): the OpenAPI 3.1 description of the server, generated with zod 4's
 * z.toJSONSchema from the very schema objects that validate the requests of one model (the rows of
 * /predict name that model's channels and controls). Built once per model, on first request.
 */
import { z } from "zod";
import { VERSION } from "../version";
import {
  ErrorResponse, HealthResponse, ModelsResponse, OptimizeResponse, PredictionsResponse, PredictResponse, WhatIfResponse,
} from "./schemas";
import type { ServedModel } from "./served-model";

function schema(s: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(s, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

const jsonContent = (s: z.ZodType) => ({ "application/json": { schema: schema(s) } });

function errors(...statuses: number[]): Record<string, unknown> {
  const text: Record<number, string> = {
    400: "malformed request: not JSON, empty, nested too deeply, bad multipart",
    404: "unknown model (?model=id)",
    413: "body over the size limit, or too many rows, scenarios or scenario-periods (the message names the limit)",
    415: "wrong Content-Type",
    422: "valid JSON that does not fit the schema: wrong types, missing or unknown channels, negative spend, …",
    500: "a bug: the answer carries a request_id",
    503: "over the time limit counted from the request's arrival (the work is stopped), or the server is busy (Retry-After)",
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { description: text[s], content: jsonContent(ErrorResponse) }]));
}

/**
 * openApiDocument(served, ids) → the OpenAPI document for the model `served` (one of `ids`).
 * O(size of the schemas).
 */
export function openApiDocument(served: ServedModel, ids: readonly string[]): Record<string, unknown> {
  const modelParam = {
    name: "model", in: "query", required: false,
    description: `model id (default: ${ids[0]}); the request bodies below are those of model "${served.id}" — see /openapi.json?model=id for another`,
    schema: { type: "string", enum: [...ids] },
  };
  const cleanParam = {
    name: "clean", in: "query", required: false,
    description: "true (default): clean a raw upload with `mixlab clean`'s rules and report the changes in `cleaning`; false: a dirty upload is a 422",
    schema: { type: "boolean", default: true },
  };
  const post = (summary: string, body: z.ZodType, answer: z.ZodType, codes: number[], contentType = "application/json") => ({
    summary,
    parameters: [modelParam],
    requestBody: { required: true, content: { [contentType]: { schema: schema(body) } } },
    responses: { 200: { description: "OK", content: jsonContent(answer) }, ...errors(...codes) },
  });
  const paths: Record<string, unknown> = {
    "/health": { get: { summary: "liveness and the number of models", responses: { 200: { description: "OK", content: jsonContent(HealthResponse) } } } },
    "/models": { get: { summary: "the served models", responses: { 200: { description: "OK", content: jsonContent(ModelsResponse) } } } },
    "/predict": { post: post("predict the target of consecutive periods (JSON rows)", served.schemas.predict, PredictResponse, [400, 404, 413, 415, 422, 500]) },
    "/predictions": {
      post: {
        ...post("predict from uploaded channel-dir CSVs, cleaned by `mixlab clean`'s rules, and evaluate MAPE against their sales", served.schemas.predictions, PredictionsResponse, [400, 404, 413, 415, 422, 500, 503], "multipart/form-data"),
        parameters: [modelParam, cleanParam],
      },
    },
  };
  paths["/whatif"] = { post: post("what-if: historical counterfactual (scale), a plan (spend) or several plans (scenarios)", served.schemas.whatIf, WhatIfResponse, [400, 404, 413, 415, 422, 500, 503]) };
  paths["/optimize"] = { post: post("optimal budget split, target-ROAS budget or the budget scenario table", served.schemas.optimize, OptimizeResponse, [400, 404, 413, 415, 422, 500, 503]) };
  paths["/openapi.json"] = { get: { summary: "this document", parameters: [modelParam], responses: { 200: { description: "OK" } } } };
  paths["/docs"] = { get: { summary: "Swagger UI for this document (served by the app, works offline)", responses: { 200: { description: "HTML" } } } };
  return {
    openapi: "3.1.0",
    info: {
      title: "mixlab model server",
      version: VERSION,
      description: "Predictions, what-if and budget optimisation from fitted mixlab models. Every error is a JSON object {\"error\": message}.",
    },
    paths,
  };
}
