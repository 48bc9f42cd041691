import { firstAcknowledgements } from './firstAcknowledgements';

describe('firstAcknowledgements', () => {
  it('keeps the earliest acknowledge entry per incident and ignores the other kinds', () => {
    const entry = (type: string, incident: string, at: string) => ({ id: `${incident}${at}`, type, created_at: at, incident: { id: incident, type: 'incident_reference' } });
    expect(
      firstAcknowledgements([
        entry('acknowledge_log_entry', 'Q1', '2025-03-01T09:40:00Z'),
        entry('acknowledge_log_entry', 'Q1', '2025-03-01T09:35:00Z'),
        entry('trigger_log_entry', 'Q2', '2025-03-01T09:00:00Z'),
        entry('resolve_log_entry', 'Q1', '2025-03-01T10:00:00Z'),
      ]),
    ).toEqual({ Q1: '2025-03-01T09:35:00Z' });
  });
});
