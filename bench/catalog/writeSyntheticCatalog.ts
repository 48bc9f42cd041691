/**
 * Puts a synthetic catalog on disk as multi-document YAML files under a fresh temporary
 * directory, and takes it away again. The catalog subgraph then reads it exactly as it reads a
 * user's catalog: CATALOG_PATHS -> the root Location -> its globs -> every file.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SyntheticCatalog } from './generateSyntheticCatalog';
import { toYamlDocuments } from './toYaml';

export interface WrittenCatalog {
  dir: string;
  /** Absolute path of the root Location file. */
  rootFile: string;
  files: number;
  bytes: number;
  /** Deletes the directory and everything in it. */
  remove(): Promise<void>;
}

export async function writeSyntheticCatalog(catalog: SyntheticCatalog, parentDir = os.tmpdir()): Promise<WrittenCatalog> {
  const dir = await fs.mkdtemp(path.join(parentDir, 'devgraph-synthetic-catalog-'));
  const remove = () => fs.rm(dir, { recursive: true, force: true });
  try {
    let bytes = 0;
    const made = new Set<string>();
    for (const file of catalog.files) {
      const target = path.join(dir, ...file.path.split('/'));
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        await fs.mkdir(parent, { recursive: true });
        made.add(parent);
      }
      const text = toYamlDocuments(file.documents);
      bytes += Buffer.byteLength(text);
      await fs.writeFile(target, text);
    }
    return { dir, rootFile: path.join(dir, catalog.rootFile), files: catalog.files.length, bytes, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
