// The HTTP side of the limits, as express handlers mounted before Apollo: the JSON body
// within HTTP_MAX_BODY_BYTES, and the query gate, so a refused query never reaches
// Apollo's parser and validation. Refusals are GraphQL responses, never HTML pages.
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { GraphQLError } from 'graphql';
import { BadUserInputError, type ErrorFormatter } from '../errors/index.js';
import type { QueryGate } from './gate.js';

export interface HttpLimitsOptions {
  gate: QueryGate;
  /** HTTP_MAX_BODY_BYTES */
  maxBodyBytes: number;
  formatError: ErrorFormatter;
}

/** express.json within the body limit, its failures as GraphQL errors, then the query gate. */
export function httpLimits({ gate, maxBodyBytes, formatError }: HttpLimitsOptions): (RequestHandler | ErrorRequestHandler)[] {
  const send = (res: Response, status: number, errors: readonly GraphQLError[]) => {
    res.status(status).json({ errors: errors.map((error) => formatError(error.toJSON(), error)) });
  };
  const bodyErrors: ErrorRequestHandler = (err: { type?: unknown; status?: unknown }, _req, res, next) => {
    // body-parser's own failures (too large, bad JSON, bad charset) carry a `type`; anything else is not ours.
    if (typeof err?.type !== 'string') return next(err);
    const status = typeof err.status === 'number' ? err.status : 400;
    const message = err.type === 'entity.too.large' ? `request body is over the limit of ${maxBodyBytes} bytes (HTTP_MAX_BODY_BYTES)` : 'request body is not valid JSON';
    send(res, status, [new BadUserInputError(message)]);
  };
  const refuse: RequestHandler = (req, res, next) => {
    const request = graphqlRequest(req.method, req.method === 'GET' ? req.query : req.body);
    if (!request) return next();
    const checked = gate.check(request);
    if (checked.errors) return send(res, 400, checked.errors);
    next();
  };
  return [express.json({ limit: maxBodyBytes }), bodyErrors, refuse];
}

/** The query and variables of a POST body or GET query string; undefined when there is none (Apollo answers that). */
function graphqlRequest(method: string, params: unknown): { query: string; variables?: Record<string, unknown> } | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const { query, variables } = params as { query?: unknown; variables?: unknown };
  if (typeof query !== 'string') return undefined;
  return { query, variables: method === 'GET' ? parsedVariables(variables) : objectOrNothing(variables) };
}

function parsedVariables(text: unknown): Record<string, unknown> | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return objectOrNothing(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function objectOrNothing(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
