import { errors } from '../errors.js';
import { resourceGroupOf } from '../ids.js';
import type { Resource } from '../store.js';

/**
 * ARM's $filter for GET /subscriptions/{sub}/resources: comparisons with `eq` on resourceType, name, location,
 * resourceGroup, tagName/tagValue and identity/principalId, `substringof('x', name)`, joined by `and` / `or`
 * (`and` binds tighter). Values compare case-insensitively, as ARM does.
 */
type Predicate = (resource: Resource) => boolean;

const EQ = /^\s*([\w/]+)\s+eq\s+'((?:[^']|'')*)'\s*$/i;
/** tagName eq 'k' and tagValue eq 'v' means the tag k has the value v. */
const TAG_PAIR = /^\s*tagname\s+eq\s+'((?:[^']|'')*)'\s+and\s+tagvalue\s+eq\s+'((?:[^']|'')*)'\s*$/i;
const SUBSTRINGOF = /^\s*substringof\(\s*'((?:[^']|'')*)'\s*,\s*name\s*\)\s*$/i;

function unquote(value: string): string {
  return value.replace(/''/g, "'").toLowerCase();
}

function term(text: string, all: string): Predicate {
  const sub = SUBSTRINGOF.exec(text);
  if (sub) {
    const needle = unquote(sub[1]);
    return (r) => r.name.toLowerCase().includes(needle);
  }
  const eq = EQ.exec(text);
  if (!eq) throw invalid(all);
  const field = eq[1].toLowerCase();
  const value = unquote(eq[2]);
  switch (field) {
    case 'resourcetype':
      return (r) => r.type.toLowerCase() === value;
    case 'name':
      return (r) => r.name.toLowerCase() === value;
    case 'location':
      return (r) => (r.location ?? '').toLowerCase() === value;
    case 'resourcegroup':
      return (r) => (resourceGroupOf(r.id) ?? '').toLowerCase() === value;
    case 'tagname':
      return (r) => Object.keys(r.tags ?? {}).some((k) => k.toLowerCase() === value);
    case 'tagvalue':
      return (r) => Object.values(r.tags ?? {}).some((v) => String(v).toLowerCase() === value);
    case 'identity/principalid':
      return (r) => (r.identity?.principalId ?? '').toLowerCase() === value;
    default:
      throw invalid(all);
  }
}

function invalid(filter: string) {
  return errors.badRequest('InvalidFilterInQueryString', `The $filter '${filter}' is not supported. Supported: resourceType, name, location, resourceGroup, tagName, tagValue, identity/principalId with 'eq', and substringof('value', name).`);
}

export function parseResourceFilter(filter: string | undefined): Predicate {
  if (!filter || !filter.trim()) return () => true;
  const alternatives = filter.split(/\s+or\s+/i).map((alt) => {
    const tag = TAG_PAIR.exec(alt);
    if (tag) {
      const [name, value] = [unquote(tag[1]), unquote(tag[2])];
      return [(r: Resource) => Object.entries(r.tags ?? {}).some(([k, v]) => k.toLowerCase() === name && String(v).toLowerCase() === value)];
    }
    return alt.split(/\s+and\s+/i).map((t) => term(t, filter));
  });
  return (r) => alternatives.some((all) => all.every((p) => p(r)));
}
