import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { RenderContext } from './history-cell.js';
import { renderCell } from './render-cell.js';
import { HOME, SAMPLES } from './cell-samples.js';

const ctx = (width: number, color = false): RenderContext => ({ width, color, homeDir: HOME });

describe('renderCell snapshots', () => {
  for (const [name, cell] of SAMPLES) {
    it(`${name} at 80 columns`, () => {
      expect(renderCell(cell, ctx(80)).join('\n')).toMatchSnapshot();
    });
    it(`${name} at 40 columns`, () => {
      expect(renderCell(cell, ctx(40)).join('\n')).toMatchSnapshot();
    });
  }
});

describe('renderCell invariants', () => {
  it('never exceeds the width', () => {
    for (const [name, cell] of SAMPLES) {
      for (const width of [80, 40, 20, 12, 5]) {
        for (const color of [false, true]) {
          for (const line of renderCell(cell, ctx(width, color))) {
            expect(
              stringWidth(line),
              `${name} at ${width}: ${JSON.stringify(line)}`,
            ).toBeLessThanOrEqual(width);
          }
        }
      }
    }
  });

  it('writes no escape codes when colour is off', () => {
    for (const [, cell] of SAMPLES) {
      for (const line of renderCell(cell, ctx(60))) expect(line).not.toContain('\x1b');
    }
  });

  it('colours cells when colour is on', () => {
    const byName = new Map(SAMPLES);
    const success = renderCell(byName.get('exec success')!, ctx(80, true));
    expect(success[0]).toContain('\x1b[32m'); // green bullet
    const failure = renderCell(byName.get('exec failure with long output')!, ctx(80, true));
    expect(failure[0]).toContain('\x1b[31m'); // red bullet and exit code
    const patch = renderCell(byName.get('patch update')!, ctx(80, true)).join('\n');
    expect(patch).toContain('\x1b[32m+line two changed');
    expect(patch).toContain('\x1b[31m-line two');
    const error = renderCell(byName.get('error')!, ctx(80, true));
    expect(error[0]).toMatch(/^\x1b\[31m■ /);
    const agent = renderCell(byName.get('agent message')!, ctx(80, true)).join('\n');
    expect(agent).toContain('\x1b[1mthe bug\x1b[22m');
    expect(agent).toContain('\x1b[35mfor\x1b[39m'); // highlighted keyword
  });

  it('renders the same text with colour on as off, once escapes are removed', () => {
    const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
    for (const [name, cell] of SAMPLES) {
      const plain = renderCell(cell, ctx(80));
      expect(renderCell(cell, ctx(80, true)).map(strip), name).toEqual(plain);
    }
  });
});
