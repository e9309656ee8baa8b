// What a file of one source needs from the other files of its folder (Entra's role definitions and users, GCP's
// custom roles and service accounts), built once per folder state: the `.json` file names, sizes and times. A source
// keeps one FolderContexts and says how to build its context from the folder's `.json` files.
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Contexts of folders, rebuilt when a `.json` file of the folder is added, removed or changed. */
export class FolderContexts<C> {
  readonly #cache = new Map<string, { key: string; context: C }>();

  /** The context of the folder `path` is in; `build` gets the folder and its `.json` file names, sorted. */
  async of(path: string, build: (dir: string, names: readonly string[]) => Promise<C>): Promise<C> {
    const dir = dirname(path);
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.toLowerCase().endsWith('.json')).sort();
    const stamps = await Promise.all(names.map(async (n) => { const s = await stat(join(dir, n)).catch(() => undefined); return `${n}:${s?.size}:${s?.mtimeMs}`; }));
    const key = stamps.join('|');
    const cached = this.#cache.get(dir);
    if (cached?.key === key) return cached.context;
    const context = await build(dir, names);
    this.#cache.set(dir, { key, context });
    return context;
  }
}
