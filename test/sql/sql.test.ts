import { describe, expect, it } from 'vitest';
import { and, ident, inList, join, literal, sql } from '../../src/sql';

describe('sql builder', () => {
  it('binds interpolated values and splices fragments with their parameters', () => {
    const inner = sql`a = ${1}`;
    const q = sql`SELECT * FROM t WHERE ${inner} AND b = ${"x'y"}`;
    expect(q.text).toBe('SELECT * FROM t WHERE a = ? AND b = ?');
    expect(q.params).toEqual([1, "x'y"]);
  });

  it('quotes identifiers and checks them against an allow-list', () => {
    expect(ident('we"ird').text).toBe('"we""ird"');
    expect(() => ident('secret', ['id', 'value'])).toThrow('Unknown column "secret"; expected one of: id, value');
  });

  it('escapes literals', () => {
    expect(literal("O'Brien").text).toBe("'O''Brien'");
    expect(literal(null).text).toBe('NULL');
    expect(() => literal(Number.NaN)).toThrow();
  });

  it('builds IN lists and conjunctions, with sensible empty cases', () => {
    expect(inList(ident('c'), ['a', 'b'])).toMatchObject({ text: '"c" IN (?, ?)', params: ['a', 'b'] });
    expect(inList(ident('c'), []).text).toBe('FALSE');
    expect(and([]).text).toBe('TRUE');
    expect(and([sql`a = ${1}`, sql`b = ${2}`])).toMatchObject({ text: '(a = ?) AND (b = ?)', params: [1, 2] });
    expect(join([sql`${1}`, sql`${2}`]).text).toBe('?, ?');
  });
});
