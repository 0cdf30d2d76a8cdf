/**
 * pom.xml: a <dependency> in the project's own <dependencies> (not dependencyManagement's), shaped like its
 * neighbours (one line or indented block); no <version> when the Azure SDK BOM already manages it.
 */
import type { PackageRef, TextEdit } from '../model';

export function pomEdit(text: string, pkg: PackageRef): { edits: TextEdit[]; managed: boolean } | undefined {
  const [groupId, artifactId] = pkg.name.split(':') as [string, string];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const withoutManagement = text.replace(/<dependencyManagement>[\s\S]*?<\/dependencyManagement>/g, (m) => ' '.repeat(m.length));
  const open = withoutManagement.indexOf('<dependencies>');
  const close = open === -1 ? -1 : withoutManagement.indexOf('</dependencies>', open);
  const blocks = open === -1 ? [] : [...text.slice(open, close).matchAll(/<dependency>[\s\S]*?<\/dependency>/g)].map((m) => ({ text: m[0], start: open + m.index, end: open + m.index + m[0].length }));
  const declares = (b: { text: string }) => b.text.includes(`<groupId>${groupId}</groupId>`) && b.text.includes(`<artifactId>${artifactId}</artifactId>`);
  if (blocks.some(declares)) return undefined;
  const managed = groupId === 'com.azure' && /<artifactId>azure-sdk-bom<\/artifactId>/.test(text);
  const version = managed ? '' : `<version>${pkg.version}</version>`;
  const indentOf = (offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0];
  const last = blocks[blocks.length - 1];
  if (last) {
    const indent = indentOf(last.start);
    const inner = last.text.includes('\n') ? /\n([ \t]*)</.exec(last.text)![1]! : `${indent}  `;
    const element = last.text.includes('\n')
      ? [`<dependency>`, `${inner}<groupId>${groupId}</groupId>`, `${inner}<artifactId>${artifactId}</artifactId>`, ...(version ? [`${inner}${version}`] : []), `${indent}</dependency>`].join(eol)
      : `<dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId>${version}</dependency>`;
    return { edits: [{ start: last.end, end: last.end, newText: `${eol}${indent}${element}` }], managed };
  }
  if (open !== -1) return undefined; // An empty <dependencies/> block of unknown shape: left to a human.
  const projectClose = text.lastIndexOf('</project>');
  if (projectClose === -1) return undefined;
  const lineStart = text.lastIndexOf('\n', projectClose - 1) + 1;
  const block = [`  <dependencies>`, `    <dependency>`, `      <groupId>${groupId}</groupId>`, `      <artifactId>${artifactId}</artifactId>`, ...(version ? [`      ${version}`] : []), `    </dependency>`, `  </dependencies>`, ''].join(eol);
  return { edits: [{ start: lineStart, end: lineStart, newText: block }], managed };
}
