/**
 * The passwordless engine: one document in (text + file name or editor language id), findings out. Grammars load
 * on first use per language and stay cached; a literal prefilter keeps clean files to a single regex pass.
 */
import picomatch from 'picomatch';
import { rolesForService } from '../core/roles';
import { grammarFor, isCodeLanguage, languageOf } from './languages';
import { configKeyRules } from './rules';
import type { CodeRuleLanguage, Rule } from './rules/model';
import { findCodeHits } from './scanner/codeScan';
import { settingsOf } from './scanner/configSettings';
import { loadedParser, parserFor } from './scanner/grammars';
import { rangesWithoutLongLines } from './scanner/longLines';
import { treeForHits, type DocumentRef } from './scanner/documentTrees';
import { isSuppressed, LineIndex } from './scanner/positions';
import { SecretDocument } from './scanner/secretDocument';
import { literalHits, planFor, type LanguagePlan, type LiteralHit } from './scanner/prefilter';
import { isEmulatorKey, isPlaceholder, mask } from './scanner/secretText';
import type { Finding, LanguageId, ScanInput, ScanOptions, Severity } from './types';
import type { Parser } from '@vscode/tree-sitter-wasm';

export { hasCandidates } from './scanner/prefilter';
export { languageOf } from './languages';

/** A finding before positions, severity and suppression are applied. */
interface RawFinding {
  rule: Rule;
  family: 'code' | 'secret';
  start: number;
  end: number;
  message: string;
  service?: Finding['service'];
  target?: Finding['target'];
  priority: number;
}

/** Scan one document. Resolves to [] for unknown languages, disabled languages and excluded files. */
export async function scanDocument(input: ScanInput, options: ScanOptions = {}): Promise<Finding[]> {
  const language = scannableLanguage(input, options);
  if (!language) return [];
  const hits = literalHits(input.text, planFor(language));
  const parser = isCodeLanguage(language) && needsParse(hits, language) ? await parserFor(grammarFor(language)) : undefined;
  return scanWith(input, language, hits, parser, options);
}

/**
 * Starts loading the grammars these files may need, without waiting: wasm compiles on background threads, so a
 * scan that starts them up front overlaps their compilation with its own work instead of idling on each in turn.
 */
export function preloadGrammars(fileNames: Iterable<string>): void {
  const grammars = new Set<ReturnType<typeof grammarFor>>();
  for (const fileName of fileNames) {
    const language = languageOf(fileName);
    if (language && isCodeLanguage(language)) grammars.add(grammarFor(language));
  }
  // A grammar that fails to load here fails again, with its reason, when a file needs it.
  for (const grammar of grammars) parserFor(grammar).catch(() => undefined);
}

/** The same scan without awaiting: undefined when the document's grammar is not loaded yet (call scanDocument once). */
export function scanDocumentSync(input: ScanInput, options: ScanOptions = {}): Finding[] | undefined {
  const language = scannableLanguage(input, options);
  if (!language) return [];
  const hits = literalHits(input.text, planFor(language));
  let parser: Parser | undefined;
  if (isCodeLanguage(language) && needsParse(hits, language)) {
    parser = loadedParser(grammarFor(language));
    if (!parser) return undefined;
  }
  return scanWith(input, language, hits, parser, options);
}

function scannableLanguage(input: ScanInput, options: ScanOptions): LanguageId | undefined {
  const language = languageOf(input.fileName, input.languageId);
  if (!language) return undefined;
  if (options.enabledLanguages && !options.enabledLanguages.includes(language)) return undefined;
  if (options.exclude?.length && excluded(input.fileName, options.exclude)) return undefined;
  return language;
}

const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

function excluded(fileName: string, globs: readonly string[]): boolean {
  let matcher = matchers.get(globs);
  if (!matcher) {
    // Like .gitignore: a glob without a slash matches at any depth.
    matcher = picomatch(globs.map((glob) => (glob.includes('/') ? glob : `**/${glob}`)), { dot: true });
    matchers.set(globs, matcher);
  }
  return matcher(fileName.replace(/\\/g, '/'));
}

/** Only a hit of a code rule's callee name is worth a parse; secret anchors need no syntax tree. */
function needsParse(hits: readonly LiteralHit[], language: LanguageId): boolean {
  const { parseTriggers } = planFor(language);
  return hits.some((hit) => parseTriggers.has(hit.literal));
}

function scanWith({ text, fileName }: ScanInput, language: LanguageId, hits: LiteralHit[], parser: Parser | undefined, options: ScanOptions): Finding[] {
  const plan = planFor(language);
  const raw: RawFinding[] = [];
  if (hits.length > 0) {
    if (parser && isCodeLanguage(language)) raw.push(...codeFindings(text, plan, parser, hits, options, { key: fileName, grammar: grammarFor(language) }));
    raw.push(...secretFindings(text, plan, hits));
  }
  if (!isCodeLanguage(language)) raw.push(...configFindings(text, language));
  return finish(text, language, dedupe(raw), options);
}

function codeFindings(text: string, plan: LanguagePlan, parser: Parser, hits: LiteralHit[], options: ScanOptions, document: DocumentRef): RawFinding[] {
  const includedRanges = rangesWithoutLongLines(text);
  if (includedRanges?.length === 0) return [];
  const language = plan.language as CodeRuleLanguage;
  const codeIndex = plan.codeIndex!;
  const codeHits = hits.filter((hit) => codeIndex.has(hit.literal));
  const mode = options.parse ?? 'windows';
  const chosen = treeForHits(parser, text, language, hits, codeHits, (literal) => plan.receiversOf.get(literal), document, { mode, includedRanges });
  if (!chosen || chosen === 'none') return [];
  try {
    // Windows hold whole statements only around the hits, so each hit is located rather than the tree walked.
    return findCodeHits(chosen.tree.rootNode, text, language, codeIndex, chosen.hits, { locateEachHit: chosen.windows }).map((hit, i) => ({
      rule: hit.rule,
      family: 'code',
      start: hit.start,
      end: hit.end,
      message: hit.rule.message,
      target: hit.target,
      priority: i,
    }));
  } finally {
    chosen.release();
  }
}

function secretFindings(text: string, plan: LanguagePlan, hits: LiteralHit[]): RawFinding[] {
  const found: RawFinding[] = [];
  const doc = new SecretDocument(text);
  for (const hit of hits) {
    for (const { rule, priority } of plan.secretRulesByAnchor.get(hit.literal) ?? []) {
      const secret = rule.detect(doc, hit.offset, hit.literal);
      if (secret) found.push({ rule, family: 'secret', ...secret, priority });
    }
  }
  return found;
}

function configFindings(text: string, language: Exclude<LanguageId, CodeRuleLanguage | 'typescriptreact' | 'javascriptreact'>): RawFinding[] {
  const found: RawFinding[] = [];
  const rules = configKeyRules.filter((rule) => rule.languages.includes(language));
  for (const setting of settingsOf(text, language)) {
    const key = setting.name.toLowerCase().replace(/[^a-z0-9]/g, '');
    const rule = rules.find((r) => r.keyPattern.test(key));
    const value = setting.value.trim();
    if (!rule || value.length < 8 || isPlaceholder(value) || isEmulatorKey(value) || /usedevelopmentstorage=true/i.test(value)) continue;
    found.push({
      rule,
      family: 'secret',
      start: setting.start,
      end: setting.end,
      message: `Setting ${setting.name} holds ${rule.noun} (${mask(value)}). Remove it and use DefaultAzureCredential with a managed identity.`,
      // Ahead of any secret rule over the same value (a real 88-character account key is also a bare key literal):
      // the setting's name says what to change, and its rewrite replaces the setting.
      priority: configKeyRules.indexOf(rule) - configKeyRules.length,
    });
  }
  return found;
}

/** Within a family, a finding inside (or equal to) another is the same problem said twice: keep the outer, earlier rule. */
function dedupe(raw: RawFinding[]): RawFinding[] {
  const kept: RawFinding[] = [];
  for (const family of ['code', 'secret'] as const) {
    const members = raw.filter((f) => f.family === family).sort((a, b) => a.start - b.start || b.end - a.end || a.priority - b.priority);
    let maxEnd = -1;
    for (const finding of members) {
      if (finding.end <= maxEnd) continue;
      kept.push(finding);
      maxEnd = finding.end;
    }
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function finish(text: string, language: LanguageId, raw: RawFinding[], options: ScanOptions): Finding[] {
  if (raw.length === 0) return [];
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  for (const f of raw) {
    const severity: Severity | 'off' = options.severities?.[f.rule.id] ?? f.rule.severity;
    if (severity === 'off') continue;
    const start = lines.position(f.start);
    if (isSuppressed(lines, start.line, f.rule.id)) continue;
    const service = f.service ?? f.rule.service;
    const roles = rolesForService(service);
    findings.push({
      ruleId: f.rule.id,
      service,
      language,
      severity,
      message: f.message,
      range: { start, end: lines.position(f.end) },
      startOffset: f.start,
      endOffset: f.end,
      ...(f.target ? { target: f.target } : {}),
      ...(roles.read.length + roles.write.length > 0 ? { roles } : {}),
    });
  }
  return findings;
}
