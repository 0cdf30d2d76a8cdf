import { errors } from '../errors.js';

/** The body of POST /providers/Microsoft.ResourceGraph/resources (QueryRequest), checked as ARG checks it. */
const AUTHORIZATION_SCOPE_FILTERS = ['AtScopeAndBelow', 'AtScopeAndAbove', 'AtScopeExact', 'AtScopeAboveAndBelow'] as const;
export type AuthorizationScopeFilter = (typeof AUTHORIZATION_SCOPE_FILTERS)[number];

export const MAX_ROWS = 1000;

export interface GraphRequest {
  query: string;
  subscriptions?: string[];
  managementGroups?: string[];
  top?: number;
  skip?: number;
  skipToken?: string;
  authorizationScopeFilter: AuthorizationScopeFilter;
}

function invalid(message: string) {
  return errors.badRequest('BadRequest', message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalid(`'${name}' must be an array of strings.`);
  return value.length > 0 ? value : undefined;
}

function integer(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`options.${name} must be an integer from ${min}${max === Infinity ? ' up' : ` to ${max}`}; got ${JSON.stringify(value)}.`);
  }
  return value;
}

export function readGraphRequest(body: unknown): GraphRequest {
  if (!isObject(body)) throw invalid('The request body must be a JSON object with a "query" string (QueryRequest).');
  if (typeof body.query !== 'string' || !body.query.trim()) throw invalid('The request body must carry the query to run in "query" (a non-empty string).');
  const subscriptions = stringList(body.subscriptions, 'subscriptions');
  const managementGroups = stringList(body.managementGroups, 'managementGroups');
  if (subscriptions && managementGroups) throw invalid("Give either 'subscriptions' or 'managementGroups', not both.");
  const options = body.options ?? {};
  if (!isObject(options)) throw invalid("'options' must be an object (QueryRequestOptions).");
  const { resultFormat, authorizationScopeFilter = 'AtScopeAndBelow', allowPartialScopes } = options;
  // The emulator answers objectArray only; ARG's older "table" format (columns + rows) is refused rather than faked.
  if (resultFormat === 'table') throw invalid("options.resultFormat 'table' is not supported by the emulator; use 'objectArray' (ARG's default).");
  if (resultFormat !== undefined && resultFormat !== 'objectArray') throw invalid(`options.resultFormat must be 'objectArray' or 'table'; got ${JSON.stringify(resultFormat)}.`);
  if (!AUTHORIZATION_SCOPE_FILTERS.includes(authorizationScopeFilter as AuthorizationScopeFilter)) {
    throw invalid(`options.authorizationScopeFilter must be one of ${AUTHORIZATION_SCOPE_FILTERS.join(', ')}; got ${JSON.stringify(authorizationScopeFilter)}.`);
  }
  if (allowPartialScopes !== undefined && typeof allowPartialScopes !== 'boolean') throw invalid('options.allowPartialScopes must be a boolean.');
  const skipToken = options.$skipToken;
  if (skipToken !== undefined && (typeof skipToken !== 'string' || !skipToken)) throw invalid('options.$skipToken must be the string a previous answer returned.');
  return {
    query: body.query,
    subscriptions,
    managementGroups,
    top: integer(options.$top, '$top', 1, MAX_ROWS),
    skip: integer(options.$skip, '$skip', 0, Infinity),
    skipToken,
    authorizationScopeFilter: authorizationScopeFilter as AuthorizationScopeFilter,
  };
}
