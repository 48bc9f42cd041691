/**
 * Picks the arguments of the benchmark's queries from the generated graph (the owner of the
 * filtered page, the components whose blast radius is timed, the refs of the `_entities`
 * batch), and counts each blast radius the way the catalog defines `dependents`, so the
 * benchmark can check the answers it times.
 */
export interface DependentsProbe {
  ref: string;
  /** Dependents one step away: what names it in spec.dependsOn, and the APIs it provides. */
  direct: number;
  /** Distinct dependents up to 3 steps away (through dependsOn, provided APIs and their consumers), the start excluded. */
  withinDepth3: number;
}

/** Arguments for the benchmark's queries, chosen from the generated graph. */
export interface CatalogProbes {
  /** The team owning the most production components: the owner of the filtered page. */
  team: { name: string; productionComponents: number };
  /** The component most often named in spec.dependsOn: the worst blast radius. */
  hub: DependentsProbe;
  /** A component named in spec.dependsOn a median number of times, among those named at all. */
  typical: DependentsProbe;
  /** 500 component refs spread over the catalog, for an `_entities` batch. */
  componentRefs: string[];
}

export function chooseProbes(
  components: { name: string; owner: number; lifecycle: string; dependsOn: string[]; providesApis: string[]; consumesApis: string[] }[],
  apis: { name: string }[],
  teams: { name: string }[],
): CatalogProbes {
  // The blast-radius graph as the catalog defines `dependents`: X -> whatever names X in
  // spec.dependsOn, a component -> the APIs it provides, an API -> its consumers. Components
  // are nodes 0..C-1, APIs C.. (resources never depend on components, so they are not reached).
  const componentIndex = new Map(components.map((c, i) => [`component:${c.name}`, i]));
  const apiIndex = new Map(apis.map((a, i) => [a.name, components.length + i]));
  const dependents = [...components, ...apis].map(() => [] as number[]);
  components.forEach((c, i) => {
    for (const ref of c.dependsOn) {
      const target = componentIndex.get(ref);
      if (target !== undefined) dependents[target]!.push(i);
    }
    for (const name of c.providesApis) dependents[i]!.push(apiIndex.get(name)!);
    for (const name of c.consumesApis) dependents[apiIndex.get(name)!]!.push(i);
  });
  const probe = (i: number): DependentsProbe => {
    const seen = new Set<number>([i]);
    let frontier = [i];
    for (let depth = 0; depth < 3; depth++) {
      const next: number[] = [];
      for (const at of frontier) {
        for (const d of dependents[at]!) {
          if (seen.has(d)) continue;
          seen.add(d);
          next.push(d);
        }
      }
      frontier = next;
    }
    return { ref: `component:default/${components[i]!.name}`, direct: new Set(dependents[i]).size, withinDepth3: seen.size - 1 };
  };
  // Ranked by how many name them in spec.dependsOn: the hubs of the Zipf law come last.
  const namedBy = (i: number) => dependents[i]!.filter((d) => d < components.length).length;
  const byFanIn = components.map((_c, i) => i).filter((i) => namedBy(i) > 0).sort((a, b) => namedBy(a) - namedBy(b) || a - b);

  const production = new Map<number, number>();
  for (const c of components) if (c.lifecycle === 'production') production.set(c.owner, (production.get(c.owner) ?? 0) + 1);
  const [team, count] = [...production].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0]);

  const step = Math.max(1, Math.floor(components.length / 500));
  return {
    team: { name: teams[team]!.name, productionComponents: count },
    hub: probe(byFanIn[byFanIn.length - 1] ?? 0),
    typical: probe(byFanIn[Math.floor(byFanIn.length / 2)] ?? 0),
    componentRefs: components.filter((_c, i) => i % step === 0).slice(0, 500).map((c) => `component:default/${c.name}`),
  };
}
