/**
 * Finds secret-based client code from literal hits: each hit of a rule's callee name is located in the syntax
 * tree and checked against the call or construction around it, so only the hits are visited, not the whole tree.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { CodePattern, CodeRule, CodeRuleLanguage } from '../rules/model';
import type { Target } from '../types';
import { initializerIn, type InitializerOf, isPlainIdentifier, lacksCredential, lacksCredentialInSlot, setsPassword } from './credentials';
import { callSiteOf, profiles, targetTypedCreations, type CallSite, type SyntaxProfile } from './syntax';
import { targetIn } from './targets';

export interface CodeHit {
  rule: CodeRule;
  start: number;
  end: number;
  target?: Target;
}

interface IndexedPattern {
  rule: CodeRule;
  pattern: CodePattern;
  kind: CallSite['kind'];
  entry: string;
}

/** Patterns of one language keyed by the callee's last segment, which is also the prefilter literal. */
export type CodeIndex = Map<string, IndexedPattern[]>;

export function indexCodeRules(rules: readonly CodeRule[], language: CodeRuleLanguage): CodeIndex {
  const index: CodeIndex = new Map();
  const add = (name: string, item: IndexedPattern): void => {
    const list = index.get(name) ?? [];
    list.push(item);
    index.set(name, list);
  };
  for (const rule of rules) {
    for (const pattern of rule.patterns) {
      if (!pattern.languages.includes(language)) continue;
      for (const entry of pattern.construct ?? []) add(entry, { rule, pattern, kind: 'construct', entry });
      for (const entry of pattern.call ?? []) add(entry.slice(entry.lastIndexOf('.') + 1), { rule, pattern, kind: 'call', entry });
    }
  }
  return index;
}

const maxClimb = 5;
/** Above this many hits of callee names, one walk of the tree is cheaper than locating each hit from the root. */
const walkThreshold = 64;

export function findCodeHits(
  root: Node,
  text: string,
  language: CodeRuleLanguage,
  index: CodeIndex,
  literalHits: readonly { offset: number; literal: string }[],
  { locateEachHit = false } = {},
): CodeHit[] {
  const profile = profiles[language];
  const hits: CodeHit[] = [];
  const seen = new Set<number>();
  const literalOf = memoized((name) => literalAssignedTo(name, text));
  const initializerOf: InitializerOf = memoized((name) => initializerIn(text, name));
  const consider = (site: CallSite): void => {
    if (seen.has(site.node.startIndex)) return;
    const candidate = index.get(site.name)?.find((c) => matches(site, c, profile, initializerOf));
    if (!candidate) return;
    seen.add(site.node.startIndex);
    hits.push({ rule: candidate.rule, start: site.node.startIndex, end: site.node.endIndex, target: resolveTarget(site, candidate.rule, profile, literalOf) });
  };
  if (!locateEachHit && literalHits.reduce((count, hit) => count + (index.has(hit.literal) ? 1 : 0), 0) > walkThreshold) {
    walkCallSites(root, profile, index, consider);
    return hits.sort((a, b) => a.start - b.start);
  }
  for (const { offset, literal } of literalHits) {
    if (!index.has(literal)) continue;
    const leaf = root.descendantForIndex(offset, offset + literal.length);
    if (!leaf || leaf.text !== literal || isInert(leaf, profile)) continue;
    for (const site of enclosingSites(leaf, literal, profile)) consider(site);
  }
  return hits;
}

/** Every call and construction in document order, skipping comments and strings; iterative, so depth costs no stack. */
function walkCallSites(root: Node, profile: SyntaxProfile, index: CodeIndex, visit: (site: CallSite) => void): void {
  const cursor = root.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      if (profile.construct.has(type) || profile.call.has(type)) {
        const site = callSiteOf(cursor.currentNode, profile);
        if (site && index.has(site.name)) visit(site);
      }
      if (!profile.inert.has(type) && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
    }
  } finally {
    cursor.delete();
  }
}

function isInert(node: Node, profile: SyntaxProfile): boolean {
  let current: Node | null = node;
  for (let depth = 0; current && depth < 3; depth++, current = current.parent) {
    if (profile.inert.has(current.type)) return true;
  }
  return false;
}

/**
 * The call or construction whose callee ends with this identifier; or, when the identifier is the declared type of
 * a C# declaration, the target-typed `new(…)` constructions it initialises (the type is written before them).
 */
function enclosingSites(leaf: Node, name: string, profile: SyntaxProfile): CallSite[] {
  const named = (site: CallSite | undefined): site is CallSite =>
    !!site && site.name === name && leaf.startIndex >= site.calleeNode.startIndex && leaf.endIndex <= site.calleeNode.endIndex;
  let current = leaf.parent;
  for (let depth = 0; current && depth < maxClimb; depth++, current = current.parent) {
    if (profile.targetTyped && declarations.has(current.type)) return targetTypedCreations(current, profile).map((node) => callSiteOf(node, profile)).filter(named);
    const site = callSiteOf(current, profile);
    if (site) return named(site) ? [site] : [];
  }
  return [];
}

const declarations = new Set(['variable_declaration', 'property_declaration']);

function matches(site: CallSite, candidate: IndexedPattern, profile: SyntaxProfile, initializerOf: InitializerOf): boolean {
  if (site.kind !== candidate.kind) return false;
  const { entry, pattern } = candidate;
  if (candidate.kind === 'call' && site.callee !== entry && !site.callee.endsWith(`.${entry}`)) return false;
  if (pattern.receiver) {
    const receiverText = site.receiver?.text.slice(0, 4096) ?? '';
    if (!pattern.receiver.some((name) => receiverText.includes(name))) return false;
  }
  if (pattern.within && !isWithin(site.node, pattern.within, profile)) return false;
  switch (pattern.when ?? 'always') {
    case 'always':
      return true;
    case 'noCredential':
      return lacksCredential(site.args, profile, initializerOf);
    case 'noCredentialOrVariable':
      return lacksCredentialInSlot(site.args, profile, initializerOf);
    case 'password':
      return setsPassword(site.args, profile);
  }
}

/** How far up an enclosing call is looked for: a lambda body's statement sits about eight nodes below it. */
const maxWithinClimb = 16;

function isWithin(node: Node, names: readonly string[], profile: SyntaxProfile): boolean {
  let current = node.parent;
  for (let depth = 0; current && depth < maxWithinClimb; depth++, current = current.parent) {
    const site = callSiteOf(current, profile);
    if (site && names.includes(site.name)) return true;
  }
  return false;
}

/** The resource the call names: a literal argument, or an identifier assigned a literal elsewhere in the file. */
function resolveTarget(site: CallSite, rule: CodeRule, profile: SyntaxProfile, literalOf: (name: string) => string | undefined): Target | undefined {
  for (const arg of site.args) {
    const value = arg.value;
    const literal =
      profile.strings.has(value.type) || profile.objects.has(value.type)
        ? value.text.slice(0, 4096)
        : isPlainIdentifier(value.text)
          ? literalOf(value.text)
          : undefined;
    const target = literal ? targetIn(rule.service, literal) : undefined;
    if (target) return target;
  }
  return site.receiver ? targetIn(rule.service, site.receiver.text.slice(0, 4096)) : undefined;
}

/** A lookup by name done once per name per scan (each is a regular expression over the whole file). */
function memoized(find: (name: string) => string | undefined): (name: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (name) => {
    if (!cache.has(name)) cache.set(name, find(name));
    return cache.get(name);
  };
}

function literalAssignedTo(name: string, text: string): string | undefined {
  const assignment = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*:?=\\s*[@$fr]?["'\`]([^"'\`\\r\\n]{1,2048})`);
  return assignment.exec(text)?.[1];
}
