import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../../src/util/edit-distance.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['json', 'json', 0],
    ['jsn', 'json', 1],
    ['bnech', 'bench', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s to %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestMatch', () => {
  const options = ['--json', '--junit', '--only', '--thorough', '--no-color', '--color'];
  it.each([
    ['--jsn', '--json'],
    ['--thorogh', '--thorough'],
    ['--no-colour', '--no-color'],
    ['--onyl', '--only'],
  ])('suggests %s for %s', (typo, meant) => {
    expect(closestMatch(typo, options)).toBe(meant);
  });

  it('suggests nothing for a word far from every candidate', () => {
    expect(closestMatch('--frobnicate', options)).toBeUndefined();
    expect(closestMatch('ZC-NOPE-999', ['ZC-MOD-001', 'ZC-INFO-002'])).toBeUndefined();
  });
});
