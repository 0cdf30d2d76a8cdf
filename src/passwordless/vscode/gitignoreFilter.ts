/** .gitignore rules from several folders applied to workspace-relative paths (pure, over the `ignore` package). */
import ignore, { type Ignore } from 'ignore';

export class GitignoreFilter {
  private readonly layers: Array<{ base: string; rules: Ignore }> = [];

  /** `dir` is the workspace-relative folder holding the .gitignore ('' for the root), with forward slashes. */
  add(dir: string, content: string): void {
    this.layers.push({ base: dir.replace(/\/+$/, ''), rules: ignore().add(content) });
  }

  /** True when any .gitignore above the file (or above one of its folders) ignores it. */
  ignores(path: string): boolean {
    return this.layers.some(({ base, rules }) => {
      if (base && !path.startsWith(`${base}/`)) return false;
      const rel = base ? path.slice(base.length + 1) : path;
      if (rules.ignores(rel)) return true;
      // A folder rule ("build/") ignores everything below it.
      const parts = rel.split('/');
      for (let i = 1; i < parts.length; i++) if (rules.ignores(`${parts.slice(0, i).join('/')}/`)) return true;
      return false;
    });
  }
}
