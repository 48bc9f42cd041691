import type { FeatureFlagModel, FeatureValueType } from '../../model/types';
import type { GbFeature } from './growthBookWire';

const VALUE_TYPE: Record<string, FeatureValueType> = { boolean: 'BOOLEAN', string: 'STRING', number: 'NUMBER', json: 'JSON' };

/** GrowthBook's FeatureV1 to devgraph's flag: environments by name, with rule counts. */
export function normaliseFeature(gb: GbFeature, appUrl: string): FeatureFlagModel {
  return {
    key: gb.id,
    description: gb.description.trim() === '' ? null : gb.description,
    valueType: VALUE_TYPE[gb.valueType] ?? 'STRING',
    defaultValue: gb.defaultValue,
    owner: gb.ownerEmail || gb.owner || null,
    project: gb.project || null,
    tags: gb.tags,
    archived: gb.archived,
    updatedAt: gb.dateUpdated || null,
    environments: Object.entries(gb.environments)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, env]) => ({
        name,
        enabled: env.enabled,
        defaultValue: env.defaultValue === '' ? null : env.defaultValue,
        ruleCount: env.rules.length,
        enabledRuleCount: env.rules.filter((r) => r.enabled).length,
      })),
    url: `${appUrl.replace(/\/+$/, '')}/features/${encodeURIComponent(gb.id)}`,
  };
}
