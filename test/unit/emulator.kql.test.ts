import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runQuery } from '../../emulator/graph/evaluate.js';
import type { Row } from '../../emulator/graph/expressions.js';
import { parseQuery } from '../../emulator/graph/parser.js';
import { KqlError } from '../../emulator/graph/tokens.js';

const COLUMNS = ['id', 'name', 'type', 'subscriptionId', 'properties', 'tags', 'identity'];
const ROWS: Row[] = [
  { id: '/s/1/a', name: 'id-a', type: 'microsoft.managedidentity/userassignedidentities', subscriptionId: 's1', properties: { principalId: 'p-a', nested: { deep: 'x' } }, tags: { env: 'prod' }, identity: null },
  { id: '/s/1/vm', name: 'vm', type: 'microsoft.compute/virtualmachines', subscriptionId: 's1', properties: {}, tags: {}, identity: { type: 'SystemAssigned', principalId: 'p-vm' } },
  { id: '/s/2/b', name: 'ID-B', type: 'microsoft.managedidentity/userassignedidentities', subscriptionId: 's2', properties: { principalId: 'p-b' }, tags: {}, identity: null },
  { id: '/s/1/c', name: 'id-c', type: 'microsoft.managedidentity/userassignedidentities', subscriptionId: 's1', properties: { principalId: 'p-c' }, tags: {}, identity: null },
  { id: '/s/2/app', name: 'app', type: 'microsoft.web/sites', subscriptionId: 's2', properties: { principalType: 'User' }, tags: {}, identity: {} },
];

function run(query: string, rows: Row[] = ROWS) {
  return runQuery(parseQuery(query), { columns: COLUMNS, rows });
}

function names(query: string): unknown[] {
  return run(query).rows.map((r) => r.name);
}

function failure(query: string): KqlError {
  try {
    run(query);
  } catch (error) {
    if (error instanceof KqlError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to fail`);
}

describe('emulator: the KQL subset of Azure Resource Graph', () => {
  it('filters with where, case-sensitively for == and != and case-insensitively for =~ and !~', () => {
    assert.deepEqual(names("resources | where name == 'id-b'"), []);
    assert.deepEqual(names("resources | where name =~ 'id-b'"), ['ID-B']);
    assert.deepEqual(names("resources | where name != 'ID-B' and subscriptionId == 's2'"), ['app']);
    assert.deepEqual(names("resources | where name !~ 'id-b' and subscriptionId == \"s2\""), ['app']);
    assert.deepEqual(names("resources | where type =~ 'Microsoft.ManagedIdentity/UserAssignedIdentities'"), ['id-a', 'ID-B', 'id-c']);
  });

  it('combines conditions with and / or / not() and parentheses, and binds and tighter than or', () => {
    assert.deepEqual(names("resources | where name == 'vm' or name == 'app' and subscriptionId == 's1'"), ['vm']);
    assert.deepEqual(names("resources | where (name == 'vm' or name == 'app') and subscriptionId == 's2'"), ['app']);
    assert.deepEqual(names("resources | where not(type =~ 'microsoft.managedidentity/userassignedidentities')"), ['vm', 'app']);
  });

  it('reads dynamic properties with a.b, a["b"] and nested paths, a missing one being null', () => {
    assert.deepEqual(run("resources | project p = properties.principalId, q = properties['principalId'], d = properties.nested.deep, m = properties.missing.deeper").rows[0], { p: 'p-a', q: 'p-a', d: 'x', m: null });
    assert.deepEqual(names('resources | where isnull(properties.principalId)'), ['vm', 'app']);
    assert.deepEqual(names('resources | where isnotnull(identity.principalId)'), ['vm']);
  });

  it('concatenates with strcat, splits ids with split and indexes the pieces, and chooses with iff', () => {
    assert.deepEqual(run("resources | take 1 | project c = strcat('/x/', subscriptionId, '/', properties.missing, name), s = split(id, '/'), t = tostring(split(id, '/')[3]), u = split(id, '/', 2), v = split(id, '/', 9)").rows[0], {
      c: '/x/s1/id-a', s: ['', 's', '1', 'a'], t: 'a', u: ['1'], v: [],
    });
    assert.deepEqual(run("resources | project k = iff(subscriptionId == 's1', name, 'other'), n = iif(isnotnull(properties.missing) and name == 'x', 1, 0)").rows.map((r) => [r.k, r.n]), [
      ['id-a', 0], ['vm', 0], ['other', 0], ['id-c', 0], ['other', 0],
    ]);
    assert.match(failure("resources | project k = iff(name, 1, 0)").message, /boolean/);
  });

  it('follows KQL null semantics: isempty(null) and isempty("") hold, an empty object is not empty, tostring(null) is ""', () => {
    assert.deepEqual(names('resources | where isnotempty(identity)'), ['vm', 'app']);
    assert.deepEqual(names('resources | where isempty(identity.principalId)'), ['id-a', 'ID-B', 'id-c', 'app']);
    assert.deepEqual(names("resources | where isempty('')"), ['id-a', 'vm', 'ID-B', 'id-c', 'app']);
    assert.deepEqual(run("resources | take 1 | project s = tostring(properties.missing), t = tostring(properties.nested), u = toupper(name), l = tolower('AbC')").rows[0], { s: '', t: '{"deep":"x"}', u: 'ID-A', l: 'abc' });
    // null == x is false and null != x is true; =~ compares tostring() values, so a missing property is "".
    assert.deepEqual(names("resources | where properties.principalType == 'User'"), ['app']);
    assert.deepEqual(names("resources | where properties.principalType != 'User'"), ['id-a', 'vm', 'ID-B', 'id-c']);
    assert.deepEqual(names("resources | where properties.principalType =~ ''"), ['id-a', 'vm', 'ID-B', 'id-c']);
  });

  it('extends with new columns (replacing one in place) and projects in the order asked, naming unnamed columns as KQL does', () => {
    const extended = run("resources | take 1 | extend kind = 'k', name = toupper(name)");
    assert.deepEqual(extended.columns, [...COLUMNS, 'kind']);
    assert.deepEqual(Object.keys(extended.rows[0]), [...COLUMNS, 'kind']);
    assert.equal(extended.rows[0].name, 'ID-A');
    const projected = run('resources | take 1 | project subscriptionId, properties.principalId, id, tostring(name)');
    assert.deepEqual(projected.columns, ['subscriptionId', 'properties_principalId', 'id', 'Column4']);
    assert.deepEqual(Object.keys(projected.rows[0]), projected.columns);
  });

  it('packs bags with pack / bag_pack (null values kept) and arrays with pack_array', () => {
    const row = run("resources | take 1 | project b = pack('id', id, 'missing', properties.none), c = bag_pack('n', name), a = pack_array(name, 1, properties.none)").rows[0];
    assert.deepEqual(row, { b: { id: '/s/1/a', missing: null }, c: { n: 'id-a' }, a: ['id-a', 1, null] });
  });

  it('summarizes make_list by group: one row per group in first-seen order, by columns first, items in row order', () => {
    const result = run("resources | where type =~ 'microsoft.managedidentity/userassignedidentities' | project subscriptionId, identity = pack('name', name) | summarize identities = make_list(identity) by subscriptionId");
    assert.deepEqual(result.columns, ['subscriptionId', 'identities']);
    assert.deepEqual(result.rows, [
      { subscriptionId: 's1', identities: [{ name: 'id-a' }, { name: 'id-c' }] },
      { subscriptionId: 's2', identities: [{ name: 'ID-B' }] },
    ]);
  });

  it('summarizes make_set without duplicates, count() per group, skips nulls, and answers one row over no rows without by', () => {
    assert.deepEqual(run('resources | summarize types = make_set(type), n = count() by subscriptionId').rows, [
      { subscriptionId: 's1', types: ['microsoft.managedidentity/userassignedidentities', 'microsoft.compute/virtualmachines'], n: 3 },
      { subscriptionId: 's2', types: ['microsoft.managedidentity/userassignedidentities', 'microsoft.web/sites'], n: 2 },
    ]);
    assert.deepEqual(run('resources | summarize principals = make_list(identity.principalId)').rows, [{ principals: ['p-vm'] }]);
    assert.deepEqual(run("resources | where name == 'nobody' | summarize count(), make_list(name)").rows, [{ count_: 0, list_name: [] }]);
    assert.deepEqual(run('resources | summarize by subscriptionId').rows, [{ subscriptionId: 's1' }, { subscriptionId: 's2' }]);
  });

  it('orders (descending unless asc) and takes or limits rows', () => {
    assert.deepEqual(names('resources | order by name asc'), ['ID-B', 'app', 'id-a', 'id-c', 'vm']);
    assert.deepEqual(names('resources | sort by subscriptionId desc, name asc | limit 3'), ['ID-B', 'app', 'id-a']);
    assert.deepEqual(names('resources | order by name | take 2'), ['vm', 'id-c']);
    assert.equal(run('resources | order by name').ordered, true);
    assert.equal(run('resources | order by name | summarize count()').ordered, false);
  });

  it('reads table names and operators across lines, with comments', () => {
    const result = run(`Resources
      // identities only
      | where type =~ "microsoft.managedidentity/userassignedidentities"
      | project name`);
    assert.deepEqual(result.rows.map((r) => r.name), ['id-a', 'ID-B', 'id-c']);
    assert.equal(parseQuery('AuthorizationResources | take 1').table.text, 'AuthorizationResources');
  });

  it('rejects what it does not know with the failing token and its position', () => {
    const join = failure('resources\n| join (resources) on id');
    assert.equal(join.token, 'join');
    assert.equal(join.line, 2);
    assert.equal(join.column, 2);
    assert.match(join.message, /Unsupported query operator at 'join' \(line 2, position 2\)/);
    assert.equal(failure("resources | where name contains 'a'").token, 'contains');
    assert.equal(failure("resources | where name has 'a'").token, 'has');
    assert.equal(failure("resources | where name < 'a'").token, '<');
    assert.equal(failure('resources | where strlen(name) == 1').token, 'strlen');
    assert.equal(failure("resources | where name == 'unterminated").token, "'unterminated");
    assert.equal(failure('resources | project name,').token, '');
    assert.equal(failure('resources | take ten').token, 'ten');
    assert.equal(failure("resources | summarize tostring(name) by subscriptionId").token, 'tostring');
    assert.equal(failure("resources | where make_list(name) == 'x'").token, 'make_list');
    assert.equal(failure("resources | project pack('a', 1, 'b')").token, 'pack');
  });

  it('rejects unknown columns before reading any row, and a non-boolean where', () => {
    const unknown = failure("resources | where principalType == 'User'");
    assert.equal(unknown.token, 'principalType');
    assert.match(unknown.message, /'where' operator: Failed to resolve scalar expression named 'principalType'/);
    assert.throws(() => runQuery(parseQuery('resources | project nope'), { columns: COLUMNS, rows: [] }), KqlError);
    assert.equal(failure('resources | project name | where id == 1').token, 'id');
    assert.equal(failure('resources | where name').token, 'where');
    assert.equal(failure('resources | project a = name, a = id').token, 'project');
  });
});
