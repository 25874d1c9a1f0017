/**
 * One golden fixture: an input, the export it goes to, and what the plugin must answer. A
 * fixture with no `expected` yet (a `.in` without its `.out`) fails until --update-fixtures
 * writes one.
 */
export interface Fixture {
  name: string;
  /** Where the expectation lives, which is also where --update-fixtures writes it. */
  source:
    { format: 'pair'; inFile: string; outFile: string } | { format: 'json' | 'yaml'; file: string };
  exportName: string;
  input: Uint8Array;
  /** For an export with a params struct (resize_image): its field values. */
  fields?: Record<string, number>;
  expected?: { code: number; output?: Uint8Array };
}

/** What the plugin returned for a fixture, as --update-fixtures writes it. */
export interface FixtureObservation {
  name: string;
  code: number;
  output: Uint8Array;
  /** Bytes per output element: 4 for tokenize's u32 ids, written as `{ "u32": [...] }`. */
  elementBytes: number;
}

/** The file a fixture is reported by: the one holding its expectation. */
export const fixtureFile = (fixture: Fixture): string =>
  fixture.source.format === 'pair' ? fixture.source.outFile : fixture.source.file;
