import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { scanDocument } from '../../src/passwordless/engine';
import { codeRules, configKeyRules, secretRules } from '../../src/passwordless/rules';
import type { RuleLanguage } from '../../src/passwordless/types';
import { commentOut, fileNames, fixtureFor, lineComment, normaliseCase, secretHosts, unmark } from '../fixtures/passwordless/harness';
import type { CodeRuleFixture, ConfigRuleFixture, InvalidCase, LanguageCases, SecretRuleFixture } from '../fixtures/passwordless/model';

async function findingsOf(ruleId: string, language: RuleLanguage, text: string) {
  const findings = await scanDocument({ text, fileName: fileNames[language] });
  return findings.filter((f) => f.ruleId === ruleId);
}

async function expectOne(ruleId: string, language: RuleLanguage, item: InvalidCase, host: (code: string) => string = (c) => c) {
  const marked = unmark(item.code);
  const hosted = host(marked.text);
  const offset = hosted.indexOf(marked.text);
  const found = await findingsOf(ruleId, language, hosted);
  assert.equal(found.length, 1, `expected one ${ruleId} finding in ${language}:\n${hosted}\ngot ${JSON.stringify(found.map((f) => f.message))}`);
  const [finding] = found;
  assert.deepEqual([finding!.startOffset, finding!.endOffset], [offset + marked.start, offset + marked.end], `range of ${ruleId} in:\n${hosted}`);
  if (item.target !== undefined) assert.equal(finding!.target?.name, item.target);
  const secret = marked.text.slice(marked.start, marked.end);
  if (secret.length >= 8 && !/[(). ]/.test(secret)) assert.ok(!finding!.message.includes(secret), 'the message masks the secret');
  return finding!;
}

async function expectNone(ruleId: string, language: RuleLanguage, text: string) {
  const found = await findingsOf(ruleId, language, text);
  assert.deepEqual(found, [], `expected no ${ruleId} finding in ${language}:\n${text}`);
}

function casesOf(fixture: CodeRuleFixture | ConfigRuleFixture): Array<[RuleLanguage, LanguageCases]> {
  return Object.entries(fixture.cases) as Array<[RuleLanguage, LanguageCases]>;
}

describe('code rules find secret-based client code and nothing else', () => {
  for (const rule of codeRules) {
    const fixture = fixtureFor(rule) as CodeRuleFixture;
    for (const [language, cases] of casesOf(fixture)) {
      describe(`${rule.id} in ${language}`, () => {
        cases.invalid.map(normaliseCase).forEach((item, i) => {
          it(`reports invalid case ${i + 1} with its exact range, service and roles`, async () => {
            const finding = await expectOne(rule.id, language, item);
            assert.equal(finding.service, rule.service);
            assert.equal(finding.severity, rule.severity);
          });
          it(`ignores invalid case ${i + 1} when it is commented out`, async () => {
            await expectNone(rule.id, language, commentOut(unmark(item.code).text, lineComment[language]!));
          });
          it(`ignores invalid case ${i + 1} when it is inside a string`, async () => {
            const quoted = JSON.stringify(unmark(item.code).text);
            const text = language === 'go' ? `package main\n\nvar s = ${quoted}\n` : language === 'python' ? `s = ${quoted}\n` : `var s = ${quoted};\n`;
            await expectNone(rule.id, language, text);
          });
          it(`ignores invalid case ${i + 1} under a keyless-ignore comment`, async () => {
            const { text, start } = unmark(item.code);
            const lineStart = text.lastIndexOf('\n', start) + 1;
            const suppressed = `${text.slice(0, lineStart)}${lineComment[language]} keyless-ignore ${rule.id}\n${text.slice(lineStart)}`;
            await expectNone(rule.id, language, suppressed);
          });
        });
        cases.valid.forEach((code, i) => {
          it(`accepts valid case ${i + 1}`, async () => {
            await expectNone(rule.id, language, code);
          });
        });
      });
    }
  }
});

describe('secret rules find hard-coded secrets in every language and skip emulator keys and placeholders', () => {
  for (const rule of secretRules) {
    const fixture = fixtureFor(rule) as SecretRuleFixture;
    for (const language of rule.languages) {
      describe(`${rule.id} in ${language}`, () => {
        fixture.invalid.map(normaliseCase).forEach((item, i) => {
          it(`reports secret ${i + 1} at the secret's exact range with a masked message`, async () => {
            const finding = await expectOne(rule.id, language, item, secretHosts[language]);
            assert.match(finding.message, /…\(\d+ chars\)/);
          });
        });
        fixture.valid.forEach((value, i) => {
          it(`accepts value ${i + 1}`, async () => {
            await expectNone(rule.id, language, secretHosts[language](value));
          });
        });
      });
    }
  }
});

describe('config rules find secret-bearing settings by name', () => {
  for (const rule of configKeyRules) {
    const fixture = fixtureFor(rule) as ConfigRuleFixture;
    for (const [language, cases] of casesOf(fixture)) {
      describe(`${rule.id} in ${language}`, () => {
        cases.invalid.map(normaliseCase).forEach((item, i) => {
          it(`reports setting ${i + 1} at the value's exact range`, async () => {
            const finding = await expectOne(rule.id, language, item);
            assert.equal(finding.service, rule.service);
          });
        });
        cases.valid.forEach((code, i) => {
          it(`accepts setting ${i + 1}`, async () => {
            await expectNone(rule.id, language, code);
          });
        });
      });
    }
  }
});
