/**
 * The C# rewriter: turns one secret-based construction into its credential-free form (catalog: C# / .NET), with
 * `using Azure.Identity;` added once (and `using System;` for Uri/Environment when the file lacks implicit usings) and
 * the endpoint taken from a visible connection string or read from its Service Connector setting.
 */
import type { Fix, RewriteInput } from '../model';
import { rewriteAtSite } from './atSite';
import { rewriteAddAzureAppConfiguration, rewriteConnect } from './csharp/appConfiguration';
import { clients, rewriteClient } from './csharp/clients';
import { constructedClass, creationTypes, CsDocument, invokedName } from './csharp/document';
import { rewriteSecretCredential, secretCredentialClasses } from './csharp/secretCredentials';
import { CsRewrite } from './csharp/session';

export async function rewriteCSharp(input: RewriteInput): Promise<Fix | undefined> {
  if (input.language !== 'csharp') return undefined;
  return rewriteAtSite(
    () => CsDocument.parse(input.text),
    (doc) => doc.siteAt(input.finding.startOffset, input.finding.endOffset),
    (doc, site) => {
      const rewrite = new CsRewrite(doc, site, input);
      return apply(rewrite) ? rewrite.finish() : undefined;
    },
  );
}

function apply(rewrite: CsRewrite): boolean {
  const { site } = rewrite;
  if (creationTypes.has(site.type)) {
    const className = constructedClass(site) ?? '';
    if (secretCredentialClasses.has(className)) return rewriteSecretCredential(rewrite, className);
    const client = Object.hasOwn(clients, className) ? clients[className] : undefined;
    return client !== undefined && rewriteClient(rewrite, client);
  }
  switch (invokedName(site)) {
    case 'AddAzureAppConfiguration':
      return rewriteAddAzureAppConfiguration(rewrite);
    case 'Connect':
      return rewriteConnect(rewrite);
    default:
      return false;
  }
}
