import { describe, expect, it } from 'vitest';
import { ContextInputError, parseIncidentsCsv, parseIncidentsDocument } from '../../src/context/index.js';

const SEED = `incident_search:
  results:
    - incident_id: "INC-2024-089"
      date: "2024-03-15"
      severity: "P1"
      title: "Duplicate payments during gateway timeout"
      timeline:
        - "14:32 - Gateway starts returning 504s"
      root_cause: |
        Retry logic did not check for idempotency.
      contributing_factors:
        - "No idempotency key in payment requests"
      resolution:
        immediate: "Paused retry system, manual processing"
        permanent: "Added basic dedup check (insufficient)"
      detection_time: "13 minutes"
      financial_impact: "$12,400 in refunds + goodwill credits"
      relevance_to_manifold: { relevance_score: 0.95 }
`;

describe('parseIncidentsDocument', () => {
  it("reads the seed's incident_search shape", () => {
    const [i] = parseIncidentsDocument(SEED, 'incidents/seed.yaml');
    expect(i).toMatchObject({
      incidentId: 'INC-2024-089',
      severityLevel: 'P1',
      rootCause: 'Retry logic did not check for idempotency.',
      contributingFactors: ['No idempotency key in payment requests'],
      resolution: { immediate: 'Paused retry system, manual processing', permanent: 'Added basic dedup check (insufficient)' },
      source: 'incidents/seed.yaml',
    });
  });

  it('reads a list, an incidents: list, a single record and JSON', () => {
    const one = 'incident_id: A-1\ndate: 2024-01-02\nseverity: sev-2\ntitle: t\n';
    expect(parseIncidentsDocument(one, 'a.yaml')[0]?.severityLevel).toBe('P2');
    expect(parseIncidentsDocument(`incidents:\n  - ${one.split('\n').join('\n    ')}`, 'b.yaml')).toHaveLength(1);
    const json = JSON.stringify([{ incident_id: 'A-2', date: '2024-01-02T10:00:00Z', severity: 'critical', title: 't', timeline: [{ time: '10:00', event: 'x' }] }]);
    const [j] = parseIncidentsDocument(json, 'c.json');
    expect(j?.severityLevel).toBe('P1');
    expect(j?.timeline).toEqual(['10:00 - x']);
  });

  it('names the file, line and incident of an invalid date', () => {
    const text = SEED.replace('"2024-03-15"', '"2024-13-01"');
    expect(() => parseIncidentsDocument(text, 'incidents/2024.yaml')).toThrowError(
      'incidents/2024.yaml line 4, incident INC-2024-089: date "2024-13-01" is not a valid date (use YYYY-MM-DD)',
    );
  });

  it('names a record without id by its position', () => {
    const text = '- incident_id: A-1\n  date: 2024-01-02\n  severity: P2\n  title: ok\n- date: 2024-01-03\n  severity: P2\n  title: no id\n';
    expect(() => parseIncidentsDocument(text, 'x.yaml')).toThrowError(/^x\.yaml line 5, incident #2: incident_id is required$/);
  });

  it('refuses an unknown severity, naming it', () => {
    // ("urgent" is Linear's first priority now)
    const text = 'incident_id: A-1\ndate: 2024-01-02\nseverity: whenever\ntitle: t\n';
    expect(() => parseIncidentsDocument(text, 'x.yaml')).toThrowError(/x\.yaml line 3, incident A-1: severity "whenever" is not a severity/);
  });

  it('refuses broken syntax and files without records', () => {
    expect(() => parseIncidentsDocument('[{"incident_id": 1,', 'x.json')).toThrowError(ContextInputError);
    expect(() => parseIncidentsDocument('hello: world\n', 'x.yaml')).toThrowError('x.yaml: no incident records found');
  });
});

const CSV = `Key,Created,Priority,Summary,Root Cause,Contributing Factors,Fix
INC-1,2024-03-01,P2,Gateway timeouts,"The client did not retry, so it failed","No alert; No retry budget",Retry with backoff
INC-2,2024-04-01,P1,Duplicate charges,Missing idempotency,,
`;
const MAPPING = { incident_id: 'Key', date: 'Created', severity: 'Priority', title: 'Summary', root_cause: 'Root Cause', contributing_factors: 'Contributing Factors', resolution_permanent: 'Fix' };

describe('parseIncidentsCsv', () => {
  it('maps columns and splits list cells', () => {
    const [a, b] = parseIncidentsCsv(CSV, 'incidents/export.csv', { columns: MAPPING });
    expect(a).toMatchObject({ incidentId: 'INC-1', contributingFactors: ['No alert', 'No retry budget'], resolution: { permanent: 'Retry with backoff' } });
    expect(b).toMatchObject({ incidentId: 'INC-2', severityLevel: 'P1', contributingFactors: [], resolution: undefined });
  });

  it('reads unmapped columns by field name', () => {
    const csv = 'incident_id,date,severity,title\nX-1,2024-01-01,P3,Hello\n';
    expect(parseIncidentsCsv(csv, 'a.csv')[0]?.title).toBe('Hello');
  });

  it('names the file and spreadsheet row of an invalid date', () => {
    const bad = CSV.replace('2024-04-01', '2024-13-01');
    expect(() => parseIncidentsCsv(bad, 'incidents/2024.csv', { columns: MAPPING })).toThrowError(
      'incidents/2024.csv row 3: date "2024-13-01" is not a valid date (use YYYY-MM-DD)',
    );
  });

  it('says which mapped column is missing from the header', () => {
    expect(() => parseIncidentsCsv(CSV, 'e.csv', { columns: { ...MAPPING, title: 'Subject' } })).toThrowError(
      /^e\.csv row 1: column "Subject" \(mapped to title\) is not in the header/,
    );
  });

  it('says which required field has no column', () => {
    expect(() => parseIncidentsCsv('code,when\n1,2024-01-01\n', 'e.csv')).toThrowError(/no column for incident_id, date, severity, title/);
  });

  it('reports ragged rows with their line', () => {
    expect(() => parseIncidentsCsv('incident_id,date,severity,title\nA,2024-01-01,P1\n', 'r.csv')).toThrowError(/^r\.csv line 2: not valid CSV/);
  });
});
