import type { Route } from './context.js';
import { authorizationRoutes } from './handlers/authorization.js';
import { managedIdentityRoutes } from './handlers/managedIdentity.js';
import { operationRoutes } from './handlers/operations.js';
import { resourceGraphRoutes } from './handlers/resourceGraph.js';
import { genericResourceRoutes } from './handlers/resources.js';
import { subscriptionRoutes } from './handlers/subscriptions.js';

/**
 * One table: method + path pattern → handler. Patterns are matched case-insensitively against the normalized
 * path; `{name}` is one segment, `{*name}` any run of segments (possibly none). The first match wins, so specific
 * provider routes come before the generic resource routes.
 */
const ROUTES: Route[] = [
  ...subscriptionRoutes,
  ...operationRoutes,
  ...resourceGraphRoutes,
  ...authorizationRoutes,
  ...managedIdentityRoutes,
  ...genericResourceRoutes,
];

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const greedy = /^\{\*(\w+)\}$/.exec(segment);
      if (greedy) {
        names.push(greedy[1]);
        return '((?:/[^/]+)*?)';
      }
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param) {
        names.push(param[1]);
        return '/([^/]+)';
      }
      return '/' + segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { route, regex: new RegExp('^' + (source || '/') + '$', 'i'), names };
}

const COMPILED = ROUTES.map(compile);

export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string>; operation: string } | undefined {
  for (const compiled of COMPILED) {
    if (compiled.route.method !== method) continue;
    const m = compiled.regex.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    compiled.names.forEach((name, i) => (params[name] = m[i + 1] ?? ''));
    const { operation } = compiled.route;
    return { route: compiled.route, params, operation: typeof operation === 'string' ? operation : operation(params) };
  }
  return undefined;
}
