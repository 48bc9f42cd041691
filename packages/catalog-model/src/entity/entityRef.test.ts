import { isValidEntityName, isValidNamespace, normalizeEntityRef, parseEntityRef, stringifyEntityRef } from './entityRef';

describe('parseEntityRef', () => {
  it('reads kind:namespace/name and lower-cases only the kind', () => {
    expect(parseEntityRef('Component:Payments/Web-App')).toEqual({ kind: 'component', namespace: 'Payments', name: 'Web-App' });
  });

  it('fills a missing namespace with the given default, else "default"', () => {
    expect(parseEntityRef('group:team-a', { defaultNamespace: 'billing' })).toEqual({ kind: 'group', namespace: 'billing', name: 'team-a' });
    expect(parseEntityRef('group:team-a')).toEqual({ kind: 'group', namespace: 'default', name: 'team-a' });
  });

  it('accepts namespace/name and name when a default kind is given', () => {
    expect(parseEntityRef('billing/team-b', { defaultKind: 'Group' })).toEqual({ kind: 'group', namespace: 'billing', name: 'team-b' });
    expect(parseEntityRef('team-b', { defaultKind: 'group', defaultNamespace: 'ops' })).toEqual({ kind: 'group', namespace: 'ops', name: 'team-b' });
  });

  it('throws a clear error when the kind is required but missing', () => {
    expect(() => parseEntityRef('payments-db')).toThrow('Entity ref "payments-db" has no kind; write it as <kind>:payments-db');
    expect(() => parseEntityRef('default/payments-db')).toThrow('has no kind');
  });

  it('treats a colon after the first slash as part of the name, like Backstage', () => {
    expect(parseEntityRef('component:default/a:b')).toEqual({ kind: 'component', namespace: 'default', name: 'a:b' });
    expect(parseEntityRef('default/a:b', { defaultKind: 'component' })).toEqual({ kind: 'component', namespace: 'default', name: 'a:b' });
  });

  it.each([':name', 'kind:', 'kind:/name', '/name', 'kind:ns/', ''])('rejects %j, which has an empty part', (ref) => {
    expect(() => parseEntityRef(ref, { defaultKind: 'component' })).toThrow(/Entity ref/);
  });
});

describe('stringifyEntityRef', () => {
  it('writes kind:namespace/name in lower case, defaulting the namespace', () => {
    expect(stringifyEntityRef({ kind: 'Component', namespace: 'default', name: 'Payments' })).toBe('component:default/payments');
    expect(stringifyEntityRef({ kind: 'api', name: 'orders' })).toBe('api:default/orders');
  });

  it('round-trips through normalizeEntityRef', () => {
    expect(normalizeEntityRef('User:Default/Alice')).toBe('user:default/alice');
    expect(normalizeEntityRef('team-a', { defaultKind: 'group', defaultNamespace: 'billing' })).toBe('group:billing/team-a');
  });
});

describe('name and namespace rules', () => {
  it.each(['a', 'payments', 'Payments_API.v2', 'a-b', 'x'.repeat(63), 'a--b'])('accepts the name %j', (name) => {
    expect(isValidEntityName(name)).toBe(true);
  });

  it.each(['', 'Bad Name!', '-a', 'a-', '.a', 'a/b', 'x'.repeat(64), 42])('rejects the name %j', (name) => {
    expect(isValidEntityName(name)).toBe(false);
  });

  it.each(['default', 'billing', 'team-1'])('accepts the namespace %j', (ns) => {
    expect(isValidNamespace(ns)).toBe(true);
  });

  it.each(['Default', 'a_b', 'a--b', '-a', 'a.b', 'x'.repeat(64), ''])('rejects the namespace %j', (ns) => {
    expect(isValidNamespace(ns)).toBe(false);
  });
});
