/** SARIF 2.1.0 as GitHub code scanning reads it: one run, the rule catalogue as tool.driver.rules, relative URIs. */
import { allRules } from '../passwordless/rules';
import type { Severity } from '../passwordless/types';
import type { FileFinding } from './report';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(results: readonly FileFinding[], version: string): object {
  const ruleIndex = new Map(allRules.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Keyless',
            version,
            rules: allRules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.kind === 'code' ? rule.message : `${rule.title}: a secret committed to source. Rotate it and use a managed identity.` },
              defaultConfiguration: { level: levels[rule.severity] },
              properties: { tags: ['security', 'passwordless', rule.service], 'security-severity': rule.severity === 'error' ? '8.0' : '5.0' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.map(({ file, finding }) => ({
          ruleId: finding.ruleId,
          ruleIndex: ruleIndex.get(finding.ruleId),
          level: levels[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: finding.range.start.line + 1,
                  startColumn: finding.range.start.column + 1,
                  endLine: finding.range.end.line + 1,
                  endColumn: finding.range.end.column + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
}
