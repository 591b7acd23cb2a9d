import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLayout, textSource } from '../../core/import';
import { serializeTemplates, type ImportTemplate } from '../../core/import/templates';
import { cli } from '../support/run-cli';

/** A German export: `;` between columns, decimal commas, a time column named "Zeit", channels named by number only. */
function germanExport(seed: number): string {
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const t = (i / 1000).toFixed(3).replace('.', ',');
    const a = (0.02 * Math.sin(i * 1.3 + seed) + 0.005 * Math.sin(i * 0.07)).toFixed(5).replace('.', ',');
    const b = (0.01 * Math.cos(i * 2.1 + seed)).toFixed(5).replace('.', ',');
    return `${t};${a};${b}`;
  });
  return `Zeit [s];Kanal 1;Kanal 2\n${rows.join('\n')}\n`;
}

function tmp(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ts-imp-')), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('command line: columns by header text, templates, nothing to analyse', () => {
  it('analyze on a file with no EMG or accelerometer column exits 2, listing the columns and how to mark one', async () => {
    const r = await cli(['analyze', tmp('messung.csv', germanExport(1))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^twitchscope: messung\.csv: no EMG or accelerometer channel to analyse\. Columns read: "Kanal 1" \(not EMG or accelerometer\), "Kanal 2" \(not EMG or accelerometer\)\. Mark the muscle signal with --column "Kanal 1"=emg/);
  });

  it('--column names a column by its header text (any case) as well as by its number', async () => {
    const file = tmp('messung.csv', germanExport(1));
    const byName = await cli(['info', file, '--column', 'kanal 1=emg:mV']);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toMatch(/emg1\s+Kanal 1\s+emg\s+uV\s+1000 Hz\s+3000/);
    const byNumber = await cli(['info', file, '--column', '2=emg:mV']);
    expect(byNumber.stdout).toMatch(/emg1\s+Kanal 1\s+emg\s+uV\s+1000 Hz\s+3000/);
    const unknown = await cli(['info', file, '--column', 'Kanal 9=emg']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/messung\.csv: there is no column "Kanal 9" to mark \(columns: 1 "Zeit \[s\]", 2 "Kanal 1", 3 "Kanal 2"\) \(name a column by its header text or its number from 1\)/);
  });

  it('--template applies the corrections saved for the file\'s layout to every file of that layout, sites included', async () => {
    const first = tmp('messung-1.csv', germanExport(1));
    const second = tmp('messung-2.csv', germanExport(2));
    const layout = await readLayout(textSource('messung-1.csv', germanExport(1)));
    const template: ImportTemplate = {
      id: 't1',
      name: 'Labor, zwei Kanäle',
      signature: layout!.signature,
      layout: layout!.description,
      columns: { 'Kanal 1': { kind: 'emg', unit: 'mV' }, 'Kanal 2': { kind: 'emg', unit: 'mV' } },
      sites: { emg1: 'left calf', emg2: 'right calf' },
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    };
    const file = tmp('templates.json', serializeTemplates([template]));
    for (const f of [first, second]) {
      const out = f.replace(/\.csv$/, '.json');
      const r = await cli(['analyze', f, '--template', file, '--json', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const j = JSON.parse(fs.readFileSync(out, 'utf8'));
      expect(j.recording.channels.map((c: { id: string; unit: string; site: string }) => `${c.id} ${c.unit} ${c.site}`)).toEqual(['emg1 uV left calf', 'emg2 uV right calf']);
    }
    const other = tmp('other.csv', germanExport(1).replace('Kanal 2', 'Kanal B'));
    const r = await cli(['info', other, '--template', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/other\.csv: no template for this file's layout \(csv; ";"; zeit \[s\] \| kanal 1 \| kanal b\); the template file has "Labor, zwei Kanäle" \(csv; ";"; zeit \[s\] \| kanal 1 \| kanal 2\)/);
  });

  it('a template file with a wrong field is bad input that names the field', async () => {
    const file = tmp('templates.json', JSON.stringify({ schema: 'twitchscope.import-templates', version: 1, templates: [{ id: 'a', name: 'x', signature: 's', rateHz: 'fast' }] }));
    const r = await cli(['info', tmp('m.csv', germanExport(1)), '--template', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^twitchscope: templates\.json: template 1: "rateHz" should be a sample rate in Hz, not the text "fast"/);
  });
});
