import { describe, expect, it } from 'vitest';
import { ImportError, importRecording, readLayout, textSource } from '../../core/import';
import { formatGroups } from '../../core/import/formats/vendors';
import { channelPreview } from '../../core/import/preview';
import { mergeTemplates, parseTemplates, serializeTemplates, templateFor, upsertTemplate, withTemplate, type ImportTemplate } from '../../core/import/templates';
import type { Channel } from '../../core/recording';

const template = (over: Partial<ImportTemplate>): ImportTemplate => ({
  id: 't1',
  name: 'Lab',
  signature: 'abc',
  layout: 'csv; ";"; zeit [s] | kanal 1',
  columns: { '2': { kind: 'emg', unit: 'mV' } },
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  ...over,
});

describe('templates', () => {
  it('round-trip as JSON, and a single template reads as a list of one', () => {
    const list = [template({}), template({ id: 't2', signature: 'def', rateHz: 500, sites: { emg1: 'left calf', emg2: null } })];
    expect(parseTemplates(serializeTemplates(list), 't.json')).toEqual(list);
    expect(parseTemplates(JSON.stringify(list[0]), 'one.json')).toEqual([list[0]]);
  });

  it('a wrong field is an ImportError naming the template and the field', () => {
    const bad = (t: unknown) => () => parseTemplates(JSON.stringify({ schema: 'twitchscope.import-templates', version: 1, templates: [t] }), 'x.json');
    expect(bad({ ...template({}), columns: { '2': { kind: 'muscle' } } })).toThrow(/^x\.json: template 1: "columns\.2\.kind" should be emg, accel or other, not the text "muscle"/);
    expect(bad({ ...template({}), name: '' })).toThrow(/"name" should be text/);
    expect(() => parseTemplates('{"schema":"twitchscope.import-templates","version":9,"templates":[]}', 'n.json')).toThrow(/newer TwitchScope/);
    expect(() => parseTemplates('not json', 'z.json')).toThrow(ImportError);
    // Read through the envelope every TwitchScope file shares: no version is refused like a newer one, an
    // older one is read, and anything that is not our envelope is taken as one template.
    expect(() => parseTemplates('{"schema":"twitchscope.import-templates","templates":[]}', 'v.json')).toThrow(/newer TwitchScope \(version nothing\)/);
    expect(parseTemplates('{"schema":"twitchscope.import-templates","version":0,"templates":[]}', 'o.json')).toEqual([]);
    expect(() => parseTemplates('[1]', 'a.json')).toThrow(/^a\.json: the template should be a group of fields, not a list/);
  });

  it('one template per layout: saving again keeps its id and name; the user\'s own options win over it', () => {
    const first = upsertTemplate([], template({}));
    const again = upsertTemplate(first, template({ id: 'new', name: 'other', columns: { '3': { kind: 'emg' } }, updatedAt: '2024-02-01T00:00:00.000Z' }));
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: 't1', name: 'Lab', columns: { '3': { kind: 'emg' } } });
    expect(templateFor(again, 'abc')?.id).toBe('t1');
    expect(templateFor(again, 'zzz')).toBeNull();
    expect(withTemplate(template({ rateHz: 500 }), { rateHz: 1000, columns: { '3': { kind: 'other' } } })).toEqual({ rateHz: 1000, columns: { '2': { kind: 'emg', unit: 'mV' }, '3': { kind: 'other' } } });
    expect(mergeTemplates([template({})], [template({ name: 'imported' }), template({ id: 't9' })]).map((t) => `${t.id}:${t.name}`)).toEqual(['t1:imported', 't9:Lab']);
  });

  it('files of one layout share a signature whatever their values and dates; another column set does not', async () => {
    const rows = (k: number) => Array.from({ length: 50 }, (_, i) => `${(i / 1000).toFixed(3)};${Math.sin(i * k).toFixed(4)}`).join('\n');
    const a = await readLayout(textSource('a.csv', `Zeit [s];Kanal 1\n${rows(1)}\n`));
    const b = await readLayout(textSource('b.csv', `Zeit [s];Kanal 1\n${rows(2)}\n`));
    const c = await readLayout(textSource('c.csv', `Zeit [s];Kanal 2\n${rows(1)}\n`));
    expect(a!.signature).toBe(b!.signature);
    expect(a!.signature).not.toBe(c!.signature);
    const rec = await importRecording(textSource('a.csv', `Zeit [s];Kanal 1\n${rows(1)}\n`));
    expect(rec.layout).toEqual(a);
  });
});

describe('the import check\'s preview of a column', () => {
  const channel = (data: number[], over: Partial<Channel> = {}): Channel => ({ id: 'ch2', label: 'column 2', kind: 'other', unit: '', sampleRateHz: 1000, startS: 0, data: Float32Array.from(data), ...over });

  it('keeps the first 2 s as recorded, the range, and a robust sample-to-sample noise', () => {
    const data = Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? 1 : -1) + (i === 5000 ? 100 : 0));
    const p = channelPreview(channel(data));
    expect(p.firstS).toBe(2);
    // 2,000 samples are drawn as 600 min/max pairs.
    expect(p.first.length).toBe(1200);
    expect([p.min, p.max]).toEqual([-1, 101]);
    // |x[i] − x[i−1]| = 2 almost everywhere: 1.4826 × 2 / √2.
    expect(p.noise).toBeCloseTo((1.4826 * 2) / Math.SQRT2, 6);
    expect(p.overviewMax.length).toBe(240);
    expect([Math.min(...p.overviewMin), Math.max(...p.overviewMax)]).toEqual([-1, 101]);
    // Buckets of ~41.7 samples: bucket 3 (samples 125-165) lies wholly in the gap and is left empty.
    const gap = channelPreview(channel(data.map((v, i) => (i >= 100 && i < 200 ? Number.NaN : v))));
    expect([gap.overviewMin[3], gap.overviewMax[3], gap.overviewMax[2]]).toEqual([Number.NaN, Number.NaN, 1]);
  });

  it('calls a varied, fast, unnamed column EMG-like, and not a label column, a slow one or a named gyroscope', () => {
    const varied = Array.from({ length: 5000 }, (_, i) => Math.sin(i * 1.3) * 50 + Math.sin(i * 0.07) * 9);
    expect(channelPreview(channel(varied)).emgLike).toBe(true);
    expect(channelPreview(channel(varied, { sampleRateHz: 50 })).emgLike).toBe(false);
    expect(channelPreview(channel(varied, { label: 'gyro_x' })).emgLike).toBe(false);
    expect(channelPreview(channel(Array.from({ length: 5000 }, (_, i) => Math.floor(i / 700))))).toMatchObject({ emgLike: false });
  });
});

describe('the format picker', () => {
  it('groups formats by vendor, the detected one first in the first group, standard files last', () => {
    const groups = formatGroups(
      [
        { id: 'csv', name: 'Delimited table' },
        { id: 'openbci-gui', name: 'OpenBCI v6' },
        { id: 'brainflow', name: 'BrainFlow' },
        { id: 'opensignals', name: 'OpenSignals' },
        { id: 'edf', name: 'EDF' },
      ],
      'brainflow',
    );
    expect(groups.map((g) => `${g.vendor}: ${g.formats.map((f) => f.id).join(', ')}`)).toEqual(['OpenBCI: brainflow, openbci-gui', 'PLUX / BITalino: opensignals', 'Standard files: csv, edf']);
  });
});
