import type { RequestContext } from './context.js';

/**
 * nextLink paging as ARM does it: an absolute URL repeating the query with an opaque $skiptoken.
 * The SDK follows nextLink verbatim, so everything the first request filtered on must ride along.
 */
export function page<T>(ctx: RequestContext, items: readonly T[], pageSize = ctx.pageSize): { value: T[]; nextLink?: string } {
  const top = Number(ctx.query.get('$top'));
  const size = Number.isInteger(top) && top > 0 ? Math.min(top, pageSize) : pageSize;
  const start = decodeSkipToken(ctx.query.get('$skiptoken'));
  const value = items.slice(start, start + size);
  if (start + size >= items.length) return { value };
  const next = new URL(ctx.baseUrl + ctx.path);
  for (const [name, v] of ctx.query) if (name !== '$skiptoken') next.searchParams.set(name, v);
  next.searchParams.set('$skiptoken', encodeSkipToken(start + size));
  return { value, nextLink: next.toString() };
}

function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeSkipToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const offset = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')).o;
    return Number.isInteger(offset) && offset >= 0 ? offset : 0;
  } catch {
    return 0;
  }
}
