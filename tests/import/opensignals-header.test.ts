// OpenSignals header fields with values no device writes (issue 13, 'Also fix' item 3, and the fuzz's
// "header fields of the wrong type"): a clear error naming the field, never a zeroed signal or a crash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRecording, ImportError, textSource } from '../../core/import/index';

const FIXTURE = readFileSync(join(__dirname, '../fixtures/plux-opensignals/emg_1000_hz_16_bits.txt'), 'utf8');
const [first, json, ...rest] = FIXTURE.split('\n');
const header = JSON.parse(json.replace(/^#\s*/, '')) as Record<string, Record<string, unknown>>;
const MAC = Object.keys(header)[0];

/** The fixture with its one device's header changed by `edit`. */
function withDevice(edit: (device: Record<string, unknown>) => unknown): string {
  const devices = structuredClone(header);
  const edited = edit(devices[MAC]);
  const text = edited === undefined ? devices : edited;
  return [first, `# ${JSON.stringify(text)}`, ...rest].join('\n');
}

async function outcome(text: string): Promise<ImportError | 'imported'> {
  try {
    await importRecording(textSource('plux.txt', text));
    return 'imported';
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
}

describe('an OpenSignals header with values no device writes', () => {
  it('the fixture itself imports (the control)', async () => {
    expect(await outcome(withDevice(() => undefined))).toBe('imported');
  });

  it('a resolution of 5000 bits is an error naming it, not a signal of zeros', async () => {
    const e = await outcome(withDevice((d) => void (d.resolution = [5000])));
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).line).toBe(2);
    expect((e as ImportError).message).toMatch(/resolution/);
    expect((e as ImportError).message).toMatch(/5000/);
  });

  const WRONG: Array<[string, (d: Record<string, unknown>) => unknown, RegExp]> = [
    ['resolution 0', (d) => void (d.resolution = [0]), /resolution/],
    ['resolution as text', (d) => void (d.resolution = ['16']), /resolution/],
    ['resolution not a list', (d) => void (d.resolution = 16), /resolution/],
    ['column not a list', (d) => void (d.column = 'nSeq'), /column/],
    ['a column name that is a number', (d) => void (d.column = ['nSeq', 'DI', 5]), /column/],
    ['sensor not a list', (d) => void (d.sensor = { EMG: true }), /sensor/],
    ['label of numbers', (d) => void (d.label = [1]), /label/],
    ['sampling rate as text', (d) => void (d['sampling rate'] = '1000'), /sampling rate/],
    ['sampling rate infinite', (d) => void (d['sampling rate'] = 1e400), /sampling rate/],
    ['position as text', (d) => void (d.position = 'first'), /position/],
    ['the device not an object', () => ({ [MAC]: 'channeller' }), /device/],
    ['the header a list', () => [header[MAC]], /header/],
    ['the header null', () => null, /header/],
  ];
  for (const [what, edit, field] of WRONG) {
    it(`${what}: a clear error naming the field`, async () => {
      const e = await outcome(withDevice(edit));
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).message).toMatch(field);
      expect((e as ImportError).line).toBe(2);
    });
  }

  it('a date or time in a shape no device writes leaves the start time out, with a warning', async () => {
    for (const time of [12, '12', 'noon', '25:99']) {
      const devices = structuredClone(header);
      for (const d of Object.values(devices)) d.time = time;
      const rec = await importRecording(textSource('plux.txt', [first, `# ${JSON.stringify(devices)}`, ...rest].join('\n')));
      expect(rec.startTime).toBeNull();
      expect(rec.warnings.map((w) => w.message).join(' ')).toMatch(/start time/);
    }
  });
});
