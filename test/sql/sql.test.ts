import { describe, expect, it } from 'vitest';
import { and, ident, inlineParams, inList, join, literal, raw, sql } from '../../src/sql';
import { createTestEngine } from '../util/test-db';

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

  it('writes the bound values in place, exactly where the placeholders are (not a ? inside a literal)', () => {
    const q = sql`SELECT ${literal('why?')} AS a, ${"it's"} AS b WHERE x IN (${join([sql`${'1'}`, sql`${null}`])}) AND ${inList(ident('c'), ['?', 'y'])}`;
    expect(q.text).toBe(`SELECT 'why?' AS a, ? AS b WHERE x IN (?, ?) AND "c" IN (?, ?)`);
    expect(inlineParams(q)).toBe(`SELECT 'why?' AS a, 'it''s' AS b WHERE x IN ('1', NULL) AND "c" IN ('?', 'y')`);
    expect(inlineParams(and([sql`a = ${true}`, raw('b')]))).toBe('(a = TRUE) AND (b)');
  });

  it('keeps a query bound when it cannot be written exactly: NUL in a value, a number, or not built here', () => {
    expect(inlineParams(sql`SELECT ${'a\0b'}`)).toBeNull();
    // x -${-1} would read as a comment, and 3.5 as a DECIMAL where the bound value is a DOUBLE.
    expect(inlineParams(sql`SELECT x -${-1}`)).toBeNull();
    expect(inlineParams(sql`SELECT ${3.5}`)).toBeNull();
    expect(() => literal('a\0b')).toThrow(/NUL/);
    expect(inlineParams({ text: 'SELECT ?', params: [1] })).toBeNull();
    expect(inlineParams({ text: 'SELECT 1', params: [] })).toBe('SELECT 1');
  });

  it('gives the same answers inlined as bound, for hostile text too', async () => {
    const engine = await createTestEngine();
    const values = ["O'Brien", "'; DROP TABLE t; --", '?', '\\n', '滨海新区', 'a"b'];
    for (const value of values) {
      const q = sql`SELECT ${value} AS v, length(${value}) AS n, ${true} AS t, ${null} IS NULL AS z`;
      const inlined = await engine.query(raw(inlineParams(q) as string));
      const bound = await engine.query({ text: q.text, params: q.params });
      expect(inlined).toEqual(bound);
      expect(inlined[0]?.v).toBe(value);
    }
  });
});
