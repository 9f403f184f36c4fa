import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/scan/progress.js';

describe('progress line', () => {
  function fake() {
    let t = 0;
    const out: string[] = [];
    const progress = createProgress((s) => out.push(s), () => t);
    return { progress, out, at: (ms: number) => (t = ms) };
  }

  it('stays silent for the first second, so short scans print nothing', () => {
    const { progress, out, at } = fake();
    at(500);
    progress.tick(10, 100);
    progress.done();
    expect(out).toEqual([]);
  });

  it('then redraws one line with what is counted, at most ten times a second, and clears it at the end', () => {
    const { progress, out, at } = fake();
    at(1200);
    progress.tick(5, 100, 'read');
    at(1250);
    progress.tick(6, 100, 'read');
    at(1400);
    progress.tick(40, 100);
    progress.done();
    expect(out).toEqual(['\rfaultline: read 5/100 files\x1b[K', '\rfaultline: scanned 40/100 files\x1b[K', '\r\x1b[K']);
  });
});
