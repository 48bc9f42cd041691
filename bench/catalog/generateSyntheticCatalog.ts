/**
 * A synthetic Backstage catalog shaped like a large organisation, in memory: descriptor
 * documents grouped into files as people lay them out (`writeSyntheticCatalog` puts them on disk).
 * Deterministic: the same options give the same catalog, byte for byte.
 *
 * Shape, for N entities in all (about 59% components, 15% users, 12% APIs, 10% resources):
 * - groups: one organisation -> departments -> teams (about 10 teams a department, 7 users a team);
 *   users are members of one team, one in ten of two;
 * - domains (owned by a department) -> systems (owned by a team of that department) -> the
 *   components, APIs and resources of the system; system sizes are skewed (a few big systems);
 * - each component depends on 0-24 others, power-law (mean about 2): a third of those edges go to
 *   platform components picked by a Zipf law (hubs with thousands of dependents), the rest stay in
 *   the system or domain; cycles happen, as they do in real catalogs. Services and pipelines also
 *   depend on a resource or two, provide the APIs they own and consume others (popular APIs
 *   again Zipf);
 * - types, lifecycles (65% production), tags, labels, links and the well-known annotations
 *   (GitHub, PagerDuty, TechDocs, GrowthBook) on most entities, as the demo catalog has them.
 */
import { createRandom, cumulative, zipfWeights, type Random } from './createRandom';
import { areaName, describe, LANGUAGES, personName, serviceName, TRAITS } from './syntheticNames';
import { chooseProbes, type CatalogProbes } from './chooseProbes';
import type { YamlValue } from './toYaml';

export type { CatalogProbes, DependentsProbe } from './chooseProbes';

export interface SyntheticCatalogOptions {
  /** Entities in all, every kind counted (the root Location too); at least 200. */
  entities: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** Documents per YAML file; default 40. */
  entitiesPerFile?: number;
}

export type Descriptor = {
  apiVersion: string;
  kind: string;
  metadata: { name: string } & { [key: string]: YamlValue | undefined };
  spec: { [key: string]: YamlValue | undefined };
};

export interface SyntheticCatalog {
  /** Relative, `/`-separated paths; the root Location file first. */
  files: { path: string; documents: Descriptor[] }[];
  /** The Location file to point CATALOG_PATHS at; it reaches every other file through globs. */
  rootFile: string;
  /** Entities by lower-case kind. */
  counts: Record<string, number>;
  total: number;
  /** Entity refs written in specs (owner, system, dependsOn, ...), i.e. relations before reversal. */
  specRefs: number;
  probes: CatalogProbes;
}

const API_VERSION = 'backstage.io/v1alpha1';
const ORG = 'acme';

/** `[value, weight]` pairs -> a sampler. */
function choice<T>(random: Random, pairs: [T, number][]): () => T {
  const values = pairs.map(([v]) => v);
  const weights = cumulative(pairs.map(([, w]) => w));
  return () => random.weighted(values, weights);
}

/** P(k) proportional to (k+1)^-exponent, k = 0..max: most have one or two, a few have many. */
function powerLawCount(random: Random, max: number, exponent: number): () => number {
  const ks = Array.from({ length: max + 1 }, (_, k) => k);
  const weights = cumulative(ks.map((k) => Math.pow(k + 1, -exponent)));
  return () => random.weighted(ks, weights);
}

export function generateSyntheticCatalog(options: SyntheticCatalogOptions): SyntheticCatalog {
  const n = options.entities;
  if (!Number.isInteger(n) || n < 200) throw new Error(`entities must be a whole number >= 200, got ${n}`);
  const perFile = options.entitiesPerFile ?? 40;
  const random = createRandom(options.seed ?? 1);

  const userCount = Math.round(0.15 * n);
  const teamCount = Math.max(2, Math.round(0.02 * n));
  const departmentCount = Math.max(1, Math.round(teamCount / 10));
  const domainCount = Math.max(1, Math.round(n / 2500));
  const systemCount = Math.max(1, Math.round(n / 75));
  const apiCount = Math.round(0.12 * n);
  const resourceCount = Math.round(0.1 * n);
  const componentCount = n - (2 + departmentCount + teamCount + userCount + domainCount + systemCount + apiCount + resourceCount);

  // --- organisation ---------------------------------------------------------------------------
  const departments = Array.from({ length: departmentCount }, (_, i) => ({ ...areaName(random, i, 'department'), domain: i % domainCount, teams: [] as number[] }));
  const teams = Array.from({ length: teamCount }, (_, i) => {
    const department = i % departmentCount;
    departments[department]!.teams.push(i);
    return { ...areaName(random, i, 'team'), department, users: [] as number[] };
  });
  const users = Array.from({ length: userCount }, (_, i) => {
    const memberOf = [random.int(0, teamCount - 1)];
    if (random.chance(0.1)) memberOf.push(random.int(0, teamCount - 1));
    teams[memberOf[0]!]!.users.push(i);
    return { ...personName(random, i), memberOf: [...new Set(memberOf)] };
  });
  const teamsOfDomain = Array.from({ length: domainCount }, () => [] as number[]);
  teams.forEach((team, i) => teamsOfDomain[departments[team.department]!.domain]!.push(i));
  const domains = Array.from({ length: domainCount }, (_, d) => ({ ...areaName(random, d, 'domain'), owner: departments[d % departmentCount]!.name }));

  // --- systems, and what lives in them ----------------------------------------------------------
  const systems = Array.from({ length: systemCount }, (_, s) => {
    const domain = s % domainCount;
    const candidates = teamsOfDomain[domain]!.length > 0 ? teamsOfDomain[domain]! : teams.map((_t, i) => i);
    return { ...areaName(random, s, 'system'), domain, owner: random.pick(candidates), components: [] as number[], apis: [] as number[], resources: [] as number[] };
  });
  const systemWeights = cumulative(systems.map(() => 0.3 + 4 * Math.pow(random.next(), 3)));
  const systemIndexes = systems.map((_s, i) => i);

  const componentType = choice(random, [['service', 55], ['library', 30], ['website', 8], ['data-pipeline', 7]]);
  const lifecycle = choice(random, [['production', 65], ['experimental', 20], ['deprecated', 15]]);
  const components = Array.from({ length: componentCount }, (_, c) => {
    const system = random.weighted(systemIndexes, systemWeights);
    systems[system]!.components.push(c);
    const { domain, owner } = systems[system]!;
    return {
      ...serviceName(random, c),
      system,
      owner: random.chance(0.75) ? owner : random.pick(teamsOfDomain[domain]!.length > 0 ? teamsOfDomain[domain]! : [owner]),
      type: componentType(),
      lifecycle: lifecycle(),
      dependsOn: [] as string[],
      providesApis: [] as string[],
      consumesApis: [] as string[],
    };
  });
  const componentsOfDomain = Array.from({ length: domainCount }, () => [] as number[]);
  components.forEach((c, i) => componentsOfDomain[systems[c.system]!.domain]!.push(i));

  const resourceType = choice(random, [['database', 40], ['s3-bucket', 20], ['queue', 20], ['cache', 20]]);
  const resources = Array.from({ length: resourceCount }, (_, r) => {
    const system = random.weighted(systemIndexes, systemWeights);
    systems[system]!.resources.push(r);
    return { ...serviceName(random, r), system, owner: systems[system]!.owner, type: resourceType(), dependsOn: [] as string[] };
  });
  for (const resource of resources) {
    const siblings = systems[resource.system]!.resources;
    if (siblings.length > 1 && random.chance(0.1)) {
      const other = random.pick(siblings);
      if (resources[other] !== resource) resource.dependsOn.push(`resource:${resources[other]!.name}`);
    }
  }

  // --- dependencies: local edges plus Zipf-popular platform hubs ---------------------------------
  const popular = random.shuffle(components.map((_c, i) => i));
  const popularWeights = cumulative(zipfWeights(popular.length, 1.05));
  const dependencyCount = powerLawCount(random, 24, 1.8);
  components.forEach((component, c) => {
    const wanted = dependencyCount();
    const chosen = new Set<number>();
    const local = systems[component.system]!.components;
    const nearby = componentsOfDomain[systems[component.system]!.domain]!;
    for (let attempt = 0; chosen.size < wanted && attempt < wanted * 4; attempt++) {
      const roll = random.next();
      const target = roll < 0.35 ? random.weighted(popular, popularWeights) : roll < 0.8 && local.length > 1 ? random.pick(local) : random.pick(nearby);
      if (target !== c) chosen.add(target);
    }
    component.dependsOn.push(...[...chosen].map((t) => `component:${components[t]!.name}`));
    if ((component.type === 'service' || component.type === 'data-pipeline') && random.chance(0.6)) {
      const own = systems[component.system]!.resources;
      for (let k = random.int(1, 2); k > 0; k--) {
        const r = own.length > 0 ? random.pick(own) : random.int(0, resourceCount - 1);
        const ref = `resource:${resources[r]!.name}`;
        if (!component.dependsOn.includes(ref)) component.dependsOn.push(ref);
      }
    }
  });

  // --- APIs: provided by a service of their system, consumed by many (popular ones Zipf) ---------
  const serviceIndexes = components.flatMap((c, i) => (c.type === 'service' ? [i] : []));
  const apiType = choice(random, [['openapi', 60], ['grpc', 20], ['graphql', 10], ['asyncapi', 10]]);
  const apis = Array.from({ length: apiCount }, (_, a) => {
    const provider = random.pick(serviceIndexes.length > 0 ? serviceIndexes : [0]);
    const { system, owner } = components[provider]!;
    const api = { ...serviceName(random, a), provider, system, owner, type: apiType(), lifecycle: lifecycle() };
    // `amber-ledger-worker-1f` -> `amber-ledger-api-1f`, "Amber Ledger Worker" -> "Amber Ledger API".
    api.name = api.name.replace(/-[a-z]+-([0-9a-z]+)$/, '-api-$1');
    api.title = api.title.replace(/ \w+$/, ' API');
    systems[system]!.apis.push(a);
    components[provider]!.providesApis.push(api.name);
    return api;
  });
  const popularApis = random.shuffle(apis.map((_a, i) => i));
  const popularApiWeights = cumulative(zipfWeights(popularApis.length, 1.0));
  const consumedCount = powerLawCount(random, 12, 1.6);
  for (const component of components) {
    if (component.type === 'library' || apis.length === 0) continue;
    const chosen = new Set<string>();
    for (let k = consumedCount(); k > 0; k--) {
      const api = apis[random.chance(0.5) ? random.weighted(popularApis, popularApiWeights) : random.int(0, apiCount - 1)]!;
      if (!component.providesApis.includes(api.name)) chosen.add(api.name);
    }
    component.consumesApis.push(...chosen);
  }

  // --- descriptors -----------------------------------------------------------------------------
  const annotated = (entries: [string, string, boolean][]) => {
    const annotations = Object.fromEntries(entries.filter(([, , keep]) => keep).map(([k, v]) => [k, v]));
    return Object.keys(annotations).length > 0 ? annotations : undefined;
  };
  const tagsFor = () => {
    const tags = new Set<string>();
    if (random.chance(0.9)) tags.add(random.pick(LANGUAGES));
    for (let k = random.int(0, 2); k > 0; k--) tags.add(random.pick(TRAITS));
    return tags.size > 0 ? [...tags] : undefined;
  };
  const linksFor = (name: string) =>
    random.chance(0.3) ? [{ url: `https://runbooks.${ORG}.example/${name}`, title: 'Runbook', icon: 'docs', type: 'runbook' }] : undefined;
  const labelsFor = () => (random.chance(0.3) ? { tier: String(random.int(1, 3)) } : undefined);
  const doc = (kind: string, metadata: Descriptor['metadata'], spec: Descriptor['spec']): Descriptor => ({ apiVersion: API_VERSION, kind, metadata, spec });

  const groupDoc = (name: string, title: string, type: string, parent: string | undefined, children: string[], slug: boolean) =>
    doc('Group', { name, title, description: `${title} at ${ORG}.`, annotations: annotated([['github.com/team-slug', `${ORG}/${name}`, slug]]) }, {
      type,
      profile: { displayName: title, email: `${name}@${ORG}.example` },
      parent,
      children,
    });

  const componentDoc = (c: (typeof components)[number], index: number) => {
    const system = systems[c.system]!;
    const service = c.type === 'service';
    return doc(
      'Component',
      {
        name: c.name,
        title: c.title,
        description: describe(random, c.title, c.topic, system.title),
        tags: tagsFor(),
        labels: labelsFor(),
        annotations: annotated([
          ['github.com/project-slug', `${ORG}/${c.name}`, random.chance(0.85)],
          ['backstage.io/source-location', `url:https://github.com/${ORG}/${c.name}/tree/main/`, random.chance(0.5)],
          ['backstage.io/techdocs-ref', 'dir:.', random.chance(0.4)],
          ['pagerduty.com/service-id', `P${index.toString(36).toUpperCase().padStart(6, '0')}`, service && random.chance(0.6)],
          ['growthbook.io/project', `prj_${c.name}`, random.chance(0.08)],
        ]),
        links: linksFor(c.name),
      },
      {
        type: c.type,
        lifecycle: c.lifecycle,
        owner: teams[c.owner]!.name,
        system: system.name,
        providesApis: c.providesApis.length > 0 ? c.providesApis : undefined,
        consumesApis: c.consumesApis.length > 0 ? c.consumesApis : undefined,
        dependsOn: c.dependsOn.length > 0 ? c.dependsOn : undefined,
      },
    );
  };

  const apiDoc = (a: (typeof apis)[number]) =>
    doc(
      'API',
      {
        name: a.name,
        title: a.title,
        description: describe(random, a.title, a.topic, systems[a.system]!.title),
        tags: tagsFor(),
        annotations: annotated([['github.com/project-slug', `${ORG}/${components[a.provider]!.name}`, random.chance(0.7)]]),
      },
      {
        type: a.type,
        lifecycle: a.lifecycle,
        owner: teams[a.owner]!.name,
        system: systems[a.system]!.name,
        definition: random.chance(0.6) ? { $text: `./specs/${a.name}.yaml` } : inlineDefinition(a.type, a.title, a.topic),
      },
    );

  const resourceDoc = (r: (typeof resources)[number]) =>
    doc(
      'Resource',
      { name: r.name, title: r.title, description: random.chance(0.5) ? describe(random, r.title, r.topic, systems[r.system]!.title) : undefined, tags: random.chance(0.5) ? tagsFor() : undefined },
      { type: r.type, owner: teams[r.owner]!.name, system: systems[r.system]!.name, dependsOn: r.dependsOn.length > 0 ? r.dependsOn : undefined },
    );

  // --- files -------------------------------------------------------------------------------------
  const files: SyntheticCatalog['files'] = [];
  const addChunks = (base: string, documents: Descriptor[]) => {
    for (let k = 0; k * perFile < documents.length; k++) files.push({ path: `${base}-${k}.yaml`, documents: documents.slice(k * perFile, (k + 1) * perFile) });
  };
  const rootFile = 'catalog-info.yaml';
  files.push({
    path: rootFile,
    documents: [
      doc('Location', { name: 'synthetic-catalog', title: `${ORG} software catalog`, description: 'Every descriptor of the synthetic organisation.' }, {
        type: 'file',
        targets: ['./org/*.yaml', './domains/*.yaml', './systems/**/*.yaml'],
      }),
    ],
  });
  files.push({ path: 'org/organization.yaml', documents: [groupDoc(`${ORG}-org`, `${ORG.toUpperCase()} Inc`, 'organization', undefined, departments.map((d) => d.name), false)] });
  for (const department of departments) {
    const documents = [groupDoc(department.name, department.title, 'department', `${ORG}-org`, department.teams.map((t) => teams[t]!.name), false)];
    for (const t of department.teams) {
      const team = teams[t]!;
      documents.push(groupDoc(team.name, team.title, 'team', department.name, [], random.chance(0.8)));
      for (const u of team.users) {
        const user = users[u]!;
        documents.push(
          doc('User', { name: user.name, annotations: annotated([['github.com/user-login', user.name.replace(/\./g, '-'), random.chance(0.7)]]) }, {
            profile: { displayName: user.displayName, email: `${user.name}@${ORG}.example` },
            memberOf: user.memberOf.map((m) => teams[m]!.name),
          }),
        );
      }
    }
    addChunks(`org/${department.name}`, documents);
  }
  addChunks(
    'domains/domains',
    domains.map((d) => doc('Domain', { name: d.name, title: d.title, description: `Everything ${ORG} runs for ${d.title}.` }, { owner: d.owner })),
  );
  for (const system of systems) {
    const documents = [
      doc('System', { name: system.name, title: system.title, description: `${system.title}: ${system.components.length} components.`, tags: tagsFor() }, {
        owner: teams[system.owner]!.name,
        domain: domains[system.domain]!.name,
      }),
      ...system.apis.map((a) => apiDoc(apis[a]!)),
      ...system.components.map((c) => componentDoc(components[c]!, c)),
      ...system.resources.map((r) => resourceDoc(resources[r]!)),
    ];
    addChunks(`systems/${domains[system.domain]!.name}/${system.name}`, documents);
  }

  const counts: Record<string, number> = {};
  let specRefs = 0;
  for (const file of files) {
    for (const d of file.documents) {
      const kind = d.kind.toLowerCase();
      counts[kind] = (counts[kind] ?? 0) + 1;
      for (const key of ['owner', 'system', 'domain', 'parent', 'children', 'memberOf', 'dependsOn', 'providesApis', 'consumesApis']) {
        const value = d.spec[key];
        specRefs += Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
      }
    }
  }
  return { files, rootFile, counts, total: Object.values(counts).reduce((a, b) => a + b, 0), specRefs, probes: chooseProbes(components, apis, teams) };
}

function inlineDefinition(type: string, title: string, topic: string): string {
  if (type === 'grpc') return `syntax = "proto3";\npackage ${topic};\n\nservice ${title.replace(/ /g, '')} {\n  rpc Get (GetRequest) returns (GetReply);\n  rpc List (ListRequest) returns (ListReply);\n}\n`;
  if (type === 'graphql') return `type Query {\n  ${topic}(first: Int = 20): [${topic.charAt(0).toUpperCase()}${topic.slice(1)}!]!\n}\n`;
  return `${type === 'asyncapi' ? 'asyncapi: 2.6.0' : 'openapi: 3.0.3'}\ninfo:\n  title: ${title}\n  version: 1.0.0\npaths:\n  /${topic}:\n    get:\n      summary: List ${topic}\n      responses:\n        "200":\n          description: OK\n`;
}
