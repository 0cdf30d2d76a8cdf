/**
 * Every language's rewrite starts the same way: parse the file, find the call or construction the finding points
 * at, rewrite it there, and release the syntax tree whatever happens.
 */
import type { Fix } from '../model';

export async function rewriteAtSite<Doc extends { dispose(): void }, Site>(
  parse: () => Promise<Doc | undefined>,
  siteIn: (doc: Doc) => Site | null | undefined,
  rewrite: (doc: Doc, site: Site) => Fix | undefined,
): Promise<Fix | undefined> {
  const doc = await parse();
  if (!doc) return undefined;
  try {
    const site = siteIn(doc);
    return site ? rewrite(doc, site) : undefined;
  } finally {
    doc.dispose();
  }
}
