/**
 * A token credential the code already holds where a client is built: a local declared before it, a parameter of an
 * enclosing method, lambda or primary constructor, or a field of the enclosing class the call may read (static
 * context reads static fields only; a field initializer reads static fields declared before it).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { constructedClass, creationTypes, declaratorValue, lastSegment } from './document';

/** Credentials worth reusing when built in scope. */
const tokenClasses = new Set([
  'DefaultAzureCredential',
  'ManagedIdentityCredential',
  'WorkloadIdentityCredential',
  'ChainedTokenCredential',
  'AzureCliCredential',
  'AzureDeveloperCliCredential',
  'EnvironmentCredential',
]);
/** Parameter types that are token credentials whatever the caller passes. */
const tokenParameterTypes = new Set([...tokenClasses, 'TokenCredential']);

const memberTypes = new Set(['method_declaration', 'constructor_declaration', 'property_declaration', 'field_declaration', 'event_declaration', 'operator_declaration']);
const functionTypes = new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'lambda_expression', 'anonymous_method_expression']);
const typeTypes = new Set(['class_declaration', 'struct_declaration', 'record_declaration', 'record_struct_declaration']);

export function credentialInScope(site: Node): string | undefined {
  let member: Node | undefined;
  let child: Node = site;
  for (let scope = site.parent; scope; child = scope, scope = scope.parent) {
    if (scope.type === 'block' || scope.type === 'compilation_unit') {
      const local = localBefore(scope, child);
      if (local) return local;
    }
    // A primary constructor's parameters are out of reach of static members.
    if (functionTypes.has(scope.type) || (typeTypes.has(scope.type) && !(member && isStatic(member)))) {
      const parameter = tokenParameter(scope);
      if (parameter) return parameter;
    }
    if (!member && memberTypes.has(scope.type)) member = scope;
    if (typeTypes.has(scope.type)) return member ? fieldFor(scope, member) : undefined;
  }
  return undefined;
}

/** The last credential local declared in this block before the statement holding the call. */
function localBefore(block: Node, holder: Node): string | undefined {
  let found: string | undefined;
  for (const statement of block.namedChildren) {
    if (!statement || statement.startIndex >= holder.startIndex) break;
    const declaration = statement.type === 'global_statement' ? statement.namedChildren[0] : statement;
    if (declaration?.type !== 'local_declaration_statement') continue;
    for (const name of credentialDeclarators(declaration)) found = name;
  }
  return found;
}

function tokenParameter(scope: Node): string | undefined {
  const list = scope.childForFieldName('parameters') ?? scope.namedChildren.find((c) => c?.type === 'parameter_list');
  for (const parameter of list?.namedChildren ?? []) {
    if (parameter?.type !== 'parameter') continue;
    const type = lastSegment(parameter.childForFieldName('type'));
    if (type && tokenParameterTypes.has(type)) return parameter.childForFieldName('name')?.text;
  }
  return undefined;
}

function fieldFor(type: Node, member: Node): string | undefined {
  const body = type.childForFieldName('body');
  const inStaticContext = isStatic(member);
  for (const field of body?.namedChildren ?? []) {
    if (field?.type !== 'field_declaration' || field.id === member.id) continue;
    const fieldStatic = isStatic(field);
    // Field initializers cannot read instance fields, and static ones run in order: only earlier static fields are set.
    const readable = member.type === 'field_declaration' ? fieldStatic && field.startIndex < member.startIndex : fieldStatic || !inStaticContext;
    if (!readable) continue;
    const [name] = credentialDeclarators(field);
    if (name) return name;
  }
  return undefined;
}

function credentialDeclarators(declaration: Node): string[] {
  const variables = declaration.namedChildren.find((c) => c?.type === 'variable_declaration');
  const names: string[] = [];
  for (const declarator of variables?.namedChildren ?? []) {
    if (declarator?.type !== 'variable_declarator') continue;
    const value = declaratorValue(declarator);
    if (value && creationTypes.has(value.type) && tokenClasses.has(constructedClass(value) ?? '')) names.push(declarator.childForFieldName('name')!.text);
  }
  return names;
}

export function isStatic(member: Node): boolean {
  return member.namedChildren.some((c) => c?.type === 'modifier' && (c.text === 'static' || c.text === 'const'));
}
