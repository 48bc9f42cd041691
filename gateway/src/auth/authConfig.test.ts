import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readGatewayConfig } from '../config';

describe('AUTH_MODE at start', () => {
  it('serves AUTH_MODE=none (the default) on loopback with no configuration', () => {
    expect(readGatewayConfig({}).auth).toEqual({ methods: [] });
    expect(readGatewayConfig({ HOST: '::1' }).auth.methods).toEqual([]);
  });

  it('refuses AUTH_MODE=none on a non-loopback HOST in one line, unless ALLOW_UNAUTHENTICATED=true', () => {
    expect(() => readGatewayConfig({ HOST: '0.0.0.0' })).toThrow(/^Configuration error: AUTH_MODE=none lets anyone who reaches HOST=0\.0\.0\.0 read every tool; [^\n]*ALLOW_UNAUTHENTICATED=true[^\n]*$/);
    expect(readGatewayConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' }).auth.methods).toEqual([]);
  });

  it('names what jwt mode is missing', () => {
    expect(() => readGatewayConfig({ AUTH_MODE: 'jwt' })).toThrow(/JWT_JWKS_URL/);
    expect(() => readGatewayConfig({ AUTH_MODE: 'jwt', JWT_JWKS_URL: 'https://login.example/jwks' })).toThrow(/JWT_ISSUER/);
    expect(() => readGatewayConfig({ AUTH_MODE: 'jwt', JWT_JWKS_URL: 'https://login.example/jwks', JWT_ISSUER: 'https://login.example/' })).toThrow(/JWT_AUDIENCE/);
    expect(() => readGatewayConfig({ AUTH_MODE: 'oauth' })).toThrow(/AUTH_MODE="oauth" is invalid/);
  });

  it('reads API_KEYS_FILE (YAML or JSON) and names a bad entry', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devgraph-keys-'));
    try {
      const file = path.join(dir, 'keys.json');
      fs.writeFileSync(file, JSON.stringify([{ name: 'ci', sha256: 'A'.repeat(64), scopes: ['scm'] }]));
      expect(readGatewayConfig({ AUTH_MODE: 'apikey', API_KEYS_FILE: file, HOST: '0.0.0.0' }).auth.apiKeys).toEqual([{ name: 'ci', sha256: 'a'.repeat(64), scopes: ['scm'], allowUntrustedDocuments: false }]);
      fs.writeFileSync(file, JSON.stringify([{ name: 'ci', sha256: 'A'.repeat(64), scopes: ['payroll'] }]));
      expect(() => readGatewayConfig({ AUTH_MODE: 'apikey', API_KEYS_FILE: file })).toThrow(/entry 1: scopes\.0/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
