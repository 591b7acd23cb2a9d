import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/run-cli';

const fixture = (rel: string) => path.join(ROOT, 'tests/fixtures', rel);

describe('twitchscope command line', () => {
  it('takes "analyse" as "analyze": the same summary, and the JSON keeps its analyzedS key', async () => {
    const sample = path.join(ROOT, 'samples/calf-rest-emg.csv');
    const [us, gb] = [await cli(['analyze', sample]), await cli(['analyse', sample])];
    expect(gb.code).toBe(0);
    expect(gb.stdout).toBe(us.stdout);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ts-cli-')), 'a.json');
    expect((await cli(['analyse', sample, '--json', out, '-q'])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).summary.channels[0].analyzedS).toBeGreaterThan(0);
  });

  it('analyze --json writes the twitchscope.analysis/2 document with the recording facts', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ts-cli-')), 'a.json');
    const csv = out.replace(/json$/, 'csv');
    const r = await cli(['analyze', fixture('delsys-trigno/truncated_trigno_sample.csv'), '--json', out, '--events', csv, '--site', 'emg1=left calf', '--site', 'acc1=left calf']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(j.schema).toBe('twitchscope.analysis/2');
    expect(j.software.name).toBe('twitchscope');
    expect(j.recording.format).toBe('delsys-trigno');
    expect(j.recording.file).toBe('truncated_trigno_sample.csv');
    expect(j.recording.startTime).toBeNull();
    expect(j.recording.durationS).toBeCloseTo(2.0, 1);
    // EMG channels and one entry per accelerometer sensor, in file order.
    expect(j.recording.channels.map((c: { id: string }) => c.id)).toEqual(['emg1', 'acc1', 'emg2', 'acc2']);
    expect(j.recording.channels[0]).toMatchObject({ kind: 'emg', unit: 'uV', site: 'left calf' });
    expect(j.recording.channels[1]).toMatchObject({ kind: 'accel', unit: 'g', axes: ['x', 'y', 'z'], site: 'left calf' });
    expect(j.recording.channels[2].site).toBeNull();
    expect(j.recording.channels[0].sampleRateHz).toBeCloseTo(1259.259, 2);
    expect(Array.isArray(j.events)).toBe(true);
    const sites = j.summary.sites.map((s: { site: string }) => s.site);
    expect(sites).toEqual(['left calf']);
    for (const c of j.summary.channels) {
      expect(c.analyzedS).toBeGreaterThan(1.9);
      expect(c.restS).toBeLessThanOrEqual(c.analyzedS);
    }
    expect(fs.readFileSync(csv, 'utf8').split('\n')[0]).toBe('channel,site,type,review,time,startS,durationS,peakS,endS,amplitude,unit,snr,multiplet,reason,recording');
  });

  it('info prints the format, channels and rates', async () => {
    const r = await cli(['info', fixture('empatica-e4/ACC.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Empatica E4 CSV \(empatica-e4\)/);
    expect(r.stdout).toMatch(/acc1\.x\s+ACC x\s+accel\s+g\s+32 Hz\s+9998/);
  });

  it('formats lists every id', async () => {
    const r = await cli(['formats']);
    expect(r.code).toBe(0);
    for (const id of ['openbci-gui', 'opensignals', 'delsys-trigno', 'empatica-e4', 'csv']) expect(r.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
  });

  it('bad input exits 2 with a message naming the file and what to do, never a stack trace', async () => {
    const r = await cli(['analyze', fixture('polar-sensor-logger/MARKER_20220425_114002.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^twitchscope: MARKER_20220425_114002\.txt:1: .*marker file/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const missing = await cli(['analyze', 'no-such-file.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-file\.csv: no such file/);
    const usage = await cli(['analyze', fixture('empatica-e4/ACC.csv'), '--site', 'nope=calf']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/no channel "nope".*acc1/);
  });

  it('a file without a rate asks for --rate, and --rate makes it readable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-cli-'));
    const f = path.join(dir, 'norate.csv');
    fs.writeFileSync(f, 'calf EMG (uV)\n' + Array.from({ length: 2000 }, (_, i) => (Math.sin(i) * 5).toFixed(3)).join('\n') + '\n');
    const r = await cli(['info', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/norate\.csv:\d+: no sample rate.*--rate/);
    const ok = await cli(['info', f, '--rate', '1000']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/emg1\s+calf EMG \(uV\)\s+emg\s+uV\s+1000 Hz\s+2000/);
  });

  it('--answer takes checklist answers into the report and the printed guidance, as the app does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-cli-'));
    const html = path.join(dir, 'report.html');
    const r = await cli(['analyze', path.join(ROOT, 'samples/calf-rest-emg.csv'), '--answer', 'weakness-worse=yes', '--answer', 'caffeine=unsure', '--context', 'muscle=left soleus', '--context', 'symptom-duration=about  3 months ', '--report', html]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/guidance.*\n\s+- See a clinician: Please arrange to see a clinician\. You answered yes to: weakness getting worse/);
    const text = fs.readFileSync(html, 'utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('weakness getting worse Yes ▲');
    expect(text).toContain('caffeine or stimulants Not sure');
    expect(text).toContain('Muscle left soleus');
    expect(text).toContain('Symptoms for about 3 months');
    expect(text).toContain('Not entered: electrode placement, posture, weakness felt in.');
  });

  it('--answer names the questions when one is unknown and the answers when one is wrong', async () => {
    const sample = path.join(ROOT, 'samples/calf-rest-emg.csv');
    const unknown = await cli(['analyze', sample, '--answer', 'weak=yes']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no checklist question "weak" \(questions: weakness, weakness-worse, wasting, speech-swallowing, same-place/);
    const wrong = await cli(['analyze', sample, '--answer', 'wasting=maybe']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--answer wasting=maybe: the answer must be yes, no or unsure/);
    const context = await cli(['analyze', sample, '--context', 'side=left']);
    expect(context.code).toBe(2);
    expect(context.stderr).toMatch(/--context side=left: no field "side" \(fields: placement, muscle, posture, symptom-duration, weakness\)/);
  });
});
