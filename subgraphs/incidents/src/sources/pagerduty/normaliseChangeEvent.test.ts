import { normaliseChangeEvent } from './normaliseChangeEvent';

describe('normaliseChangeEvent', () => {
  it('keeps the services it touched and drops links without an href', () => {
    const event = normaliseChangeEvent({
      id: 'CE1',
      summary: 'Deploy checkout v2',
      timestamp: '2025-03-01T09:00:00Z',
      services: [{ id: 'PSVC', type: 'service_reference' }],
      links: [{ href: 'https://ci.example.com/1', text: 'build' }, { text: 'no link' }],
    });
    expect(event).toEqual({ id: 'CE1', summary: 'Deploy checkout v2', timestamp: '2025-03-01T09:00:00Z', source: null, serviceIds: ['PSVC'], links: [{ href: 'https://ci.example.com/1', text: 'build' }] });
  });
});
