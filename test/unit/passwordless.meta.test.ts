import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { keyReadingRoles, roles, serviceRoles } from '../../src/core/roles';
import { allRules, ruleLanguages } from '../../src/passwordless/rules';
import type { RuleLanguage } from '../../src/passwordless/types';
import { fixtureFor, secretHosts } from '../fixtures/passwordless/harness';
import type { CodeRuleFixture, SecretRuleFixture } from '../fixtures/passwordless/model';

describe('the rule catalogue stays whole', () => {
  it('gives every rule a unique kebab-case id', () => {
    const ids = allRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  for (const rule of allRules) {
    it(`has fixtures for every language ${rule.id} claims`, () => {
      const fixture = fixtureFor(rule);
      assert.ok(fixture, `test/fixtures/passwordless/…/${rule.id}.ts is missing`);
      assert.equal(fixture.ruleId, rule.id);
      if (rule.kind === 'secret') {
        const secrets = fixture as SecretRuleFixture;
        assert.ok(secrets.invalid.length > 0 && secrets.valid.length > 0, 'secret fixtures need positive and negative values');
        for (const language of rule.languages) assert.ok(secretHosts[language], `no way to embed a secret in ${language}`);
        return;
      }
      const cases = (fixture as CodeRuleFixture).cases;
      for (const language of ruleLanguages(rule) as RuleLanguage[]) {
        const entry = cases[language];
        assert.ok(entry && entry.invalid.length > 0 && entry.valid.length > 0, `${rule.id} claims ${language} but has no positive and negative fixtures for it`);
      }
      for (const language of Object.keys(cases)) assert.ok(ruleLanguages(rule).includes(language), `${rule.id} has fixtures for unclaimed ${language}`);
    });
  }

  it('gives every service least-privilege roles from the catalog, never key-reading roles', () => {
    for (const rule of allRules) assert.ok(serviceRoles[rule.service], `${rule.id} names an unknown service`);
    for (const entry of Object.values(serviceRoles)) {
      for (const key of [...entry.read, ...entry.write]) {
        const role = roles[key];
        const keyReader = keyReadingRoles.find((k) => k.name === role.name || (k.id && k.id === role.id));
        assert.equal(keyReader, undefined, `${entry.service} suggests ${role.name}, which can read keys`);
      }
    }
    assert.equal(roles.storageBlobDataReader.id, '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1');
    assert.equal(roles.serviceBusDataSender.id, '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39');
    assert.equal(roles.storageQueueDataMessageSender.id, 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a');
    assert.equal(roles.cosmosDbBuiltInDataContributor.system, 'cosmos-sql');
  });
});
