/**
 * A secret credential built on its own — `new ClientSecretCredential(tenant, client, secret)`, a storage shared key,
 * an AzureNamedKeyCredential — becomes `new DefaultAzureCredential()` where a token credential fits: a client
 * argument, a `var` or retyped declaration, a return from a method that returns a token credential.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { constructedClass, creationTypes, lastSegment } from './document';
import type { CsRewrite } from './session';

export const secretCredentialClasses = new Set(['ClientSecretCredential', 'StorageSharedKeyCredential', 'TableSharedKeyCredential', 'AzureNamedKeyCredential']);

export function rewriteSecretCredential(r: CsRewrite, className: string): boolean {
  // ClientSecretCredentialOptions (authority host, tenants) would be lost: a human decides.
  if (r.hasNamedArguments || (className === 'ClientSecretCredential' && r.args.length > 3)) return false;
  const keyOnly = className !== 'ClientSecretCredential';
  const parent = r.site.parent;
  if (parent?.type === 'argument') {
    // A shared key also signs SAS tokens (ToSasQueryParameters): only a client's constructor takes a token credential instead.
    if (keyOnly && !isClientConstructorArgument(parent)) return false;
    r.replace(r.site, r.credential());
    return true;
  }
  if (parent?.type === 'variable_declarator') return rewriteDeclaration(r, parent, className, keyOnly);
  if (parent?.type === 'return_statement' || parent?.type === 'arrow_expression_clause') {
    const returns = lastSegment(enclosingMember(r.site)?.childForFieldName('returns') ?? enclosingMember(r.site)?.childForFieldName('type') ?? null);
    if (keyOnly || !returns || !/^(TokenCredential|DefaultAzureCredential)$/.test(returns)) return false;
    r.replace(r.site, r.newCredential());
    return true;
  }
  return false;
}

function rewriteDeclaration(r: CsRewrite, declarator: Node, className: string, keyOnly: boolean): boolean {
  const declaration = declarator.parent;
  const type = declaration?.childForFieldName('type');
  if (!declaration || !type) return false;
  const name = declarator.childForFieldName('name')!;
  if (keyOnly && !r.doc.identifiers(name.text).every((use) => use.id === name.id || isClientConstructorArgument(use.parent))) return false;
  const declared = type.type === 'implicit_type' ? 'var' : lastSegment(type);
  if (declared === className) {
    if (declaration.namedChildren.filter((c) => c?.type === 'variable_declarator').length > 1) return false;
    r.replace(type, 'DefaultAzureCredential');
  } else if (declared !== 'var' && declared !== 'TokenCredential') {
    return false;
  }
  r.replace(r.site, r.newCredential());
  return true;
}

/** `new SomeClient(…, <this>, …)`: an argument of a constructor whose class is a client or client builder. */
function isClientConstructorArgument(argument: Node | null): boolean {
  const creation = argument?.type === 'argument' ? argument.parent?.parent : undefined;
  return !!creation && creationTypes.has(creation.type) && /Client(Builder)?$/.test(constructedClass(creation) ?? '');
}

function enclosingMember(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (/^(method_declaration|local_function_statement|property_declaration)$/.test(current.type)) return current;
    if (/^(lambda_expression|anonymous_method_expression|class_declaration)$/.test(current.type)) return undefined;
  }
  return undefined;
}
