import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildTrustedDocuments } from '../gateway/src/edge/trustedDocuments/buildTrustedDocuments';

/**
 * `npm run trusted-documents [-- <queries dir> <manifest file>]`: writes the trusted-documents
 * manifest for `TRUSTED_DOCUMENTS_PATH` from the example operations (default `demo/queries` ->
 * `persisted-documents.json` in the current directory).
 */
async function main(): Promise<void> {
  const [dir = path.resolve(__dirname, '../demo/queries'), out = 'persisted-documents.json'] = process.argv.slice(2);
  const manifest = await buildTrustedDocuments(dir);
  await writeFile(out, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`${Object.keys(manifest).length} trusted documents from ${dir} written to ${path.resolve(out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
