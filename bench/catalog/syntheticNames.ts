/**
 * Word lists for the synthetic catalog: names, titles and descriptions that read like a real
 * organisation's, so text search and payload sizes are realistic. Uniqueness comes from an index
 * suffix, never from the words.
 */
import type { Random } from './createRandom';

const ADJECTIVES = [
  'amber', 'azure', 'bold', 'brisk', 'cedar', 'civic', 'coral', 'crisp', 'delta', 'ember', 'fable', 'fleet', 'frost', 'golden',
  'granite', 'harbor', 'ivory', 'jade', 'keen', 'lunar', 'maple', 'mesa', 'nimble', 'north', 'oak', 'onyx', 'polar', 'prism',
  'quartz', 'rapid', 'river', 'sable', 'silver', 'solar', 'spruce', 'steady', 'summit', 'swift', 'terra', 'tidal', 'umber',
  'vivid', 'willow', 'zephyr',
];

const NOUNS = [
  'accounts', 'ads', 'alerts', 'analytics', 'audit', 'auth', 'billing', 'booking', 'cart', 'catalog', 'checkout', 'claims',
  'config', 'content', 'coupons', 'credit', 'customers', 'delivery', 'disputes', 'documents', 'email', 'events', 'exports',
  'feeds', 'fraud', 'gateway', 'geo', 'identity', 'imports', 'inventory', 'invoices', 'ledger', 'listings', 'loyalty', 'maps',
  'media', 'messaging', 'metrics', 'notifications', 'onboarding', 'orders', 'payments', 'payouts', 'pricing', 'profiles',
  'promotions', 'quotes', 'ratings', 'recommendations', 'refunds', 'reports', 'returns', 'reviews', 'routing', 'scheduling',
  'search', 'sessions', 'settlements', 'shipping', 'sitemap', 'subscriptions', 'support', 'tax', 'tickets', 'tracking',
  'uploads', 'vouchers', 'wallet', 'warehouse', 'webhooks',
];

const ROLES = ['service', 'worker', 'api', 'ui', 'sync', 'store', 'engine', 'proxy', 'jobs', 'adapter', 'web', 'lib'];

const PURPOSES = [
  'keeps the source of truth for',
  'serves read traffic for',
  'runs the nightly batch jobs behind',
  'exposes the public endpoints of',
  'reconciles partner data for',
  'publishes change events about',
  'renders the customer-facing pages of',
  'caches hot lookups for',
];

const FIRST_NAMES = [
  'ada', 'alan', 'amara', 'bea', 'carlos', 'chen', 'dana', 'diego', 'elif', 'emma', 'farah', 'felix', 'grace', 'hana', 'ines',
  'ivan', 'jonas', 'kai', 'lara', 'leon', 'mara', 'mei', 'nadia', 'noah', 'omar', 'priya', 'rafael', 'sara', 'tomas', 'yara',
];

const LAST_NAMES = [
  'abe', 'berg', 'costa', 'dubois', 'evans', 'fischer', 'garcia', 'haddad', 'ito', 'jensen', 'kowalski', 'lopez', 'moreau',
  'nakamura', 'okafor', 'petrov', 'quinn', 'rossi', 'silva', 'tanaka', 'ueda', 'varga', 'weber', 'xu', 'yilmaz', 'zhang',
];

export const LANGUAGES = ['go', 'java', 'kotlin', 'python', 'typescript', 'rust', 'scala', 'ruby', 'php'];
export const TRAITS = ['pci', 'gdpr', 'buyer-facing', 'seller-facing', 'internal', 'batch', 'tier-1', 'tier-2', 'tier-3', 'legacy'];

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `amber-ledger-worker-1f3`: words for readability, base-36 index for uniqueness. */
export function serviceName(random: Random, index: number): { name: string; title: string; topic: string } {
  const adjective = random.pick(ADJECTIVES);
  const topic = random.pick(NOUNS);
  const role = random.pick(ROLES);
  return { name: `${adjective}-${topic}-${role}-${index.toString(36)}`, title: `${capitalize(adjective)} ${capitalize(topic)} ${capitalize(role)}`, topic };
}

export function areaName(random: Random, index: number, suffix: string): { name: string; title: string } {
  const topic = random.pick(NOUNS);
  return { name: `${topic}-${suffix}-${index.toString(36)}`, title: `${capitalize(topic)} ${capitalize(suffix)} ${index}` };
}

export function personName(random: Random, index: number): { name: string; displayName: string } {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return { name: `${first}.${last}.${index.toString(36)}`, displayName: `${capitalize(first)} ${capitalize(last)}` };
}

export function describe(random: Random, title: string, topic: string, area: string): string {
  return `${title} ${random.pick(PURPOSES)} ${topic} in ${area}. Owned on call; see the runbook before paging.`;
}
