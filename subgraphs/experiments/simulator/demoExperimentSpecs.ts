import type { MetricData } from './simulateResults';

/** One demo experiment as written by hand; `seedGrowthBook` turns it into GrowthBook's shapes. */
export interface DemoExperimentSpec {
  slug: string;
  project: string;
  name: string;
  hypothesis: string;
  status: 'draft' | 'running' | 'stopped';
  archived?: boolean;
  engine: 'bayesian' | 'frequentist';
  variants: string[];
  weights: number[];
  coverage: number;
  created: string;
  started: string;
  ended?: string;
  /** An earlier ramp-up phase at this coverage, ending when the main phase starts. */
  rampCoverage?: number;
  users?: number[];
  metrics?: MetricData[];
  outcome?: { status: 'won' | 'lost' | 'inconclusive' | 'dnf'; winner?: number; conclusions: string };
  /** Which member of the owning team owns it (index into members by ref). */
  ownerIndex: number;
  /** A legacy record: `owner` holds the raw email and there is no `ownerEmail`. */
  legacyOwner?: boolean;
  tags: string[];
}

const conversion = (id: string, name: string, conversions: number[]): MetricData => ({ kind: 'binomial', id, name, conversions });
const mean = (id: string, name: string, means: number[], stddevs: number[]): MetricData => ({ kind: 'mean', id, name, means, stddevs });

/**
 * Fernhollow's experiments. The numbers are chosen, not random, so tests can name outcomes:
 * - `exp_checkout-one-page` is the planted sample-ratio mismatch: a 50/50 split that observed
 *   10 500 vs 9 500 users (chi-square 50, p about 1.5e-12);
 * - `exp_cart-save-for-later` (frequentist, 3 arms) and `exp_storefront-static-hero` (bayesian)
 *   have clear winners; `exp_checkout-express-pay` was stopped and called `won`;
 * - search's mean metric moves while its conversion metric does not.
 */
export const DEMO_EXPERIMENTS: DemoExperimentSpec[] = [
  {
    slug: 'checkout-one-page', project: 'prj_checkout', name: 'One-page checkout', status: 'running', engine: 'bayesian',
    hypothesis: 'Putting address, delivery and payment on one page lifts checkout conversion.',
    variants: ['Control', 'One page'], weights: [0.5, 0.5], coverage: 1, created: '2025-05-02T09:00:00.000Z', started: '2025-05-12T08:00:00.000Z',
    users: [10500, 9500],
    metrics: [conversion('met_checkout_conversion', 'Checkout conversion', [3150, 3040]), mean('met_order_value', 'Average order value', [62.4, 63.1], [40, 41])],
    ownerIndex: 0, tags: ['checkout', 'conversion'],
  },
  {
    slug: 'checkout-express-pay', project: 'prj_checkout', name: 'Express pay buttons', status: 'stopped', engine: 'frequentist',
    hypothesis: 'Wallet buttons above the form shorten checkout for returning shoppers.',
    variants: ['Control', 'Express pay'], weights: [0.5, 0.5], coverage: 0.8, created: '2025-02-03T10:00:00.000Z', started: '2025-02-10T08:00:00.000Z', ended: '2025-03-10T08:00:00.000Z',
    users: [8020, 7980], metrics: [conversion('met_checkout_conversion', 'Checkout conversion', [2406, 2633])],
    outcome: { status: 'won', winner: 1, conclusions: 'Express pay lifted checkout conversion by about 10%; shipped to everyone.' },
    ownerIndex: 1, tags: ['checkout', 'payments'],
  },
  {
    slug: 'checkout-trust-badges', project: 'prj_checkout', name: 'Trust badges on the payment step', status: 'draft', engine: 'bayesian',
    hypothesis: 'Security badges next to the card form reduce payment abandonment.',
    variants: ['Control', 'Badges'], weights: [0.5, 0.5], coverage: 1, created: '2025-05-28T14:00:00.000Z', started: '2025-06-16T08:00:00.000Z',
    ownerIndex: 2, tags: ['checkout'],
  },
  {
    slug: 'cart-save-for-later', project: 'prj_cart', name: 'Save for later', status: 'running', engine: 'frequentist',
    hypothesis: 'Letting shoppers park items instead of deleting them keeps more carts alive until checkout.',
    variants: ['Control', 'Link', 'Button'], weights: [0.34, 0.33, 0.33], coverage: 1, created: '2025-04-22T09:00:00.000Z', started: '2025-05-05T08:00:00.000Z',
    users: [6820, 6610, 6570],
    metrics: [conversion('met_cart_to_checkout', 'Cart to checkout', [2046, 2023, 2300]), mean('met_items_per_cart', 'Items per cart', [2.4, 2.45, 2.6], [1.8, 1.8, 1.9])],
    ownerIndex: 3, tags: ['cart'],
  },
  {
    slug: 'cart-shipping-bar', project: 'prj_cart', name: 'Free-shipping progress bar', status: 'stopped', archived: true, engine: 'bayesian',
    hypothesis: 'Showing how far a cart is from free shipping raises order value.',
    variants: ['Control', 'Progress bar'], weights: [0.5, 0.5], coverage: 1, created: '2024-10-01T09:00:00.000Z', started: '2024-10-07T08:00:00.000Z', ended: '2024-11-04T08:00:00.000Z',
    users: [9010, 8990], metrics: [mean('met_order_value', 'Average order value', [61.9, 61.2], [39, 39])],
    outcome: { status: 'lost', conclusions: 'No lift in order value; shoppers removed items to hit the threshold.' },
    ownerIndex: 0, tags: ['cart', 'shipping'],
  },
  {
    slug: 'storefront-static-hero', project: 'prj_storefront', name: 'Static hero instead of carousel', status: 'running', engine: 'bayesian',
    hypothesis: 'One strong hero image gets more clicks into the catalogue than a rotating carousel.',
    variants: ['Carousel', 'Static hero'], weights: [0.5, 0.5], coverage: 1, created: '2025-05-06T09:00:00.000Z', started: '2025-05-14T08:00:00.000Z',
    users: [15040, 14960], metrics: [conversion('met_home_ctr', 'Home click-through', [1504, 1795])],
    ownerIndex: 0, tags: ['homepage'],
  },
  {
    slug: 'storefront-dark-mode', project: 'prj_storefront', name: 'Dark mode', status: 'draft', engine: 'bayesian',
    hypothesis: 'A dark theme keeps evening shoppers browsing longer.',
    variants: ['Light', 'Dark'], weights: [0.5, 0.5], coverage: 0.5, created: '2025-05-30T09:00:00.000Z', started: '2025-06-20T08:00:00.000Z',
    ownerIndex: 1, tags: ['design'],
  },
  {
    slug: 'search-semantic-ranking', project: 'prj_search', name: 'Semantic ranking', status: 'running', engine: 'frequentist',
    hypothesis: 'Embedding-based ranking surfaces handmade items shoppers describe in their own words.',
    variants: ['Keyword', 'Semantic'], weights: [0.5, 0.5], coverage: 1, rampCoverage: 0.1, created: '2025-04-01T09:00:00.000Z', started: '2025-04-08T08:00:00.000Z',
    users: [12010, 11990],
    metrics: [conversion('met_search_click', 'Search to click', [6005, 6115]), mean('met_searches_per_user', 'Searches per user', [3.1, 3.3], [2.5, 2.6])],
    ownerIndex: 0, tags: ['search', 'ml'],
  },
  {
    slug: 'search-autocomplete', project: 'prj_search', name: 'Autocomplete suggestions', status: 'stopped', engine: 'frequentist',
    hypothesis: 'Suggesting queries while typing leads to more searches with results.',
    variants: ['Control', 'Suggestions'], weights: [0.5, 0.5], coverage: 1, created: '2025-01-13T09:00:00.000Z', started: '2025-01-20T08:00:00.000Z', ended: '2025-02-17T08:00:00.000Z',
    users: [7005, 6995], metrics: [conversion('met_search_click', 'Search to click', [3502, 3530])],
    outcome: { status: 'inconclusive', conclusions: 'No detectable difference; kept the simpler control.' },
    ownerIndex: 1, tags: ['search'],
  },
  {
    slug: 'recs-collaborative-v2', project: 'prj_recommendations', name: 'Collaborative filtering v2', status: 'running', engine: 'bayesian',
    hypothesis: 'Item-to-item similarity from co-purchases beats the popularity baseline for add-to-cart.',
    variants: ['Popularity', 'Collaborative v2'], weights: [0.5, 0.5], coverage: 0.5, created: '2025-05-19T09:00:00.000Z', started: '2025-05-26T08:00:00.000Z',
    users: [5010, 4990], metrics: [conversion('met_recs_add_to_cart', 'Recommendation add-to-cart', [501, 499])],
    ownerIndex: 0, legacyOwner: true, tags: ['ml', 'recommendations'],
  },
  {
    slug: 'seller-bulk-upload', project: 'prj_seller_portal', name: 'Bulk listing upload', status: 'running', engine: 'frequentist',
    hypothesis: 'A spreadsheet upload helps sellers list more of their catalogue.',
    variants: ['Control', 'Bulk upload'], weights: [0.5, 0.5], coverage: 1, created: '2025-05-08T09:00:00.000Z', started: '2025-05-15T08:00:00.000Z',
    users: [3001, 2999], metrics: [mean('met_listings_per_seller', 'Listings per seller', [4.2, 4.25], [3, 3])],
    ownerIndex: 0, tags: ['sellers'],
  },
];
