import { describe, expect, it } from 'vitest';
import { parseTicketsCsv, parseTicketsDocument } from '../../src/context/index.js';

describe('tickets', () => {
  it('reads CSV with a column mapping and split tags', () => {
    const csv = 'Ticket ID,Subject,Description,Created At,Tags\nT-1,"Charged twice, help",Body,2024-05-01,billing;refund\n';
    const [t] = parseTicketsCsv(csv, 't.csv', { columns: { id: 'Ticket ID', title: 'Subject', body: 'Description', created_at: 'Created At', tags: 'Tags' } });
    expect(t).toEqual({ id: 'T-1', title: 'Charged twice, help', body: 'Body', createdAt: '2024-05-01', tags: ['billing', 'refund'], source: 't.csv' });
  });

  it('reads JSON lists and tickets: lists', () => {
    const json = JSON.stringify([{ id: 7, title: 'x', created_at: '2024-05-01T10:00:00Z', tags: ['a'] }]);
    expect(parseTicketsDocument(json, 't.json')[0]).toMatchObject({ id: '7', body: '', tags: ['a'] });
    expect(parseTicketsDocument('tickets:\n  - {id: A, title: y, created_at: 2024-01-01}\n', 't.yaml')).toHaveLength(1);
  });

  it('names the row of a bad date in CSV', () => {
    const csv = 'id,title,created_at\nA,ok,2024-01-01\nB,bad,01/02/2024\n';
    expect(() => parseTicketsCsv(csv, 'tickets/export.csv')).toThrowError(
      'tickets/export.csv row 3: created_at "01/02/2024" is not a valid date (use YYYY-MM-DD, ISO 8601 or Unix seconds)',
    );
  });

  it('names the line and id of a bad JSON ticket', () => {
    const json = '[\n  {"id": "A", "title": "ok", "created_at": "2024-01-01"},\n  {"id": "B", "created_at": "2024-01-01"}\n]\n';
    expect(() => parseTicketsDocument(json, 't.json')).toThrowError(/^t\.json line 3, ticket B: title is required$/);
  });

  it('refuses a document that is not a list', () => {
    expect(() => parseTicketsDocument('{"count": 3}', 't.json')).toThrowError(/expected a list of tickets/);
  });
});
