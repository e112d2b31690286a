import { describe, expect, it } from 'vitest';
import { ForecastTable } from '../../server/forecast/forecast-table.js';

/** Rows as the forecast thread sends them: [ticket id, people ahead, minutes or NaN], by id. */
const rows = (...r: [number, number, number][]) => Float64Array.from(r.flat());
const changes = (before: Float64Array, after: Float64Array) => [...ForecastTable.changes(before, after)];

describe('what a new forecast moves, for the phones to look at', () => {
  it('names no ticket when every phone would show the same', () => {
    expect(changes(rows([1, 0, 3], [2, 1, 7.2]), rows([1, 0, 3.3], [2, 1, 6.8]))).toEqual([]);
  });

  it('names a ticket whose people ahead or whole minutes changed', () => {
    expect(changes(rows([1, 0, 3], [2, 1, 7.2], [3, 2, 12]), rows([1, 0, 3], [2, 0, 7.2], [3, 2, 12.6]))).toEqual([2, 3]);
  });

  it('names tickets that came into the forecast or left it, and a wait that appeared or went', () => {
    const before = rows([1, 0, 3], [4, 3, Number.NaN], [5, 4, Number.NaN], [7, 5, 9]);
    const after = rows([2, 0, 2], [4, 3, Number.NaN], [5, 4, 15], [7, 5, 9], [8, 6, 11]);
    expect(changes(before, after)).toEqual([1, 2, 5, 8]);
  });

  it('names every ticket to a thread just started, which has sent nothing before', () => {
    expect(changes(new Float64Array(0), rows([3, 0, 1], [9, 1, 4]))).toEqual([3, 9]);
  });
});
