import path from 'node:path';
import { loadDemoOrganisation, startSimulator, type DemoOrganisation, type Simulator } from '@devgraph/simulator-kit';
import type { BackstageEntity } from '../src/sources/backstage/backstageWire';
import { createBackstageApi, refOf, type BackstageCatalogState } from './createBackstageApi';
import { toBackstageEntity, uidOf, withEtag } from './toBackstageEntity';

/** The token the demo uses when nothing else is configured. */
export { DEFAULT_SIMULATOR_TOKEN } from '@devgraph/simulator-kit';
import { DEFAULT_SIMULATOR_TOKEN } from '@devgraph/simulator-kit';

/** Where the demo descriptors would live in a real setup, for the location annotations. */
const DEMO_REPO = 'https://github.com/fernhollow/catalog/blob/main';

export interface BackstageSimulatorOptions {
  port?: number;
  host?: string;
  /** Accepted token; any other request gets Backstage's 401. */
  token?: string;
  /** The demo company; loaded from demo/catalog when not given. */
  org?: DemoOrganisation;
  /** Largest by-query page (default 1000); lower it to exercise paging. */
  maxLimit?: number;
}

export interface BackstageSimulator extends Simulator {
  /** Add or replace an entity (uid kept, etag renewed), as if Backstage had processed a change. */
  upsertEntity(entity: BackstageEntity): void;
  removeEntity(ref: string): boolean;
  entity(ref: string): BackstageEntity | undefined;
}

/**
 * Backstage's catalog backend on 127.0.0.1, serving the demo organisation as Backstage would
 * after processing (uids, etags, location annotations, computed relations), inside the simulator
 * kit (request log, fault injection, `/__simulator/*` controls). Point BACKSTAGE_URL at `url`.
 */
export async function startBackstageSimulator(options: BackstageSimulatorOptions = {}): Promise<BackstageSimulator> {
  const org = options.org ?? (await loadDemoOrganisation());
  const state: BackstageCatalogState = { entities: new Map() };
  for (const entity of org.index.query(undefined, { first: org.index.size }).items) {
    const file = path.relative(path.resolve(__dirname, '../../../demo/catalog'), entity.source.file);
    state.entities.set(entity.ref, toBackstageEntity(entity, `${DEMO_REPO}/${file.split(path.sep).join('/')}`));
  }
  const simulator = await startSimulator({
    name: 'backstage',
    api: createBackstageApi({ state, token: options.token ?? DEFAULT_SIMULATOR_TOKEN, maxLimit: options.maxLimit }),
    port: options.port,
    host: options.host,
  });
  return Object.assign(simulator, {
    upsertEntity(entity: BackstageEntity) {
      const ref = refOf(entity);
      const uid = state.entities.get(ref)?.metadata.uid ?? uidOf(ref);
      state.entities.set(ref, withEtag({ ...entity, metadata: { ...entity.metadata, uid } }));
    },
    removeEntity: (ref: string) => state.entities.delete(ref.toLowerCase()),
    entity: (ref: string) => state.entities.get(ref.toLowerCase()),
  });
}
