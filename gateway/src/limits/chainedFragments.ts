/**
 * The hostile shape from issue 11 (and the bench): a chain of fragments in which each level spreads
 * the next `spreads` times, so a document of a few hundred bytes expands to `spreads^levels`
 * fields. Every level is a valid fragment on `Entity` with one aliased field (`a: ref`) and one
 * plain one, so the document passes validation and only the limits stand in its way. Test and
 * bench input; nothing in the gateway imports it.
 */
export function chainedFragments({ levels, spreads, ref = 'component:default/checkout' }: { levels: number; spreads: number; ref?: string }): string {
  const fragments: string[] = [];
  for (let level = 0; level < levels; level++) {
    const next = level + 1 < levels ? ` ${`...L${level + 1} `.repeat(spreads)}` : '';
    fragments.push(`fragment L${level} on Entity { a: ref title${next}}`);
  }
  return `query Chained { entity(ref: "${ref}") { ...L0 } }\n${fragments.join('\n')}\n`;
}
