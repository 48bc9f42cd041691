/**
 * Does devgraph's gateway answer from a response cache? Asks the same operation twice without
 * `cache-control: no-cache`; a gateway with the cache of issue 12 reports `extensions.cache`
 * (hit/miss and age) on the second answer. Until then the cached target cannot be measured.
 */
export async function probeResponseCache(url: string, query: string): Promise<boolean> {
  let extensions: Record<string, unknown> | undefined;
  for (let i = 0; i < 2; i++) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    extensions = ((await response.json()) as { extensions?: Record<string, unknown> }).extensions;
  }
  return extensions?.cache !== undefined;
}
