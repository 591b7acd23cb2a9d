import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../cli/args';

// The command line is read by Node's util.parseArgs; these hold the words and messages the CLI promises.
describe('command-line words', () => {
  it('reads files, values in both forms, repeated options in order, flags and aliases', () => {
    const a = parseArgs([
      'analyze', 'a.csv', '--json', 'out.json', '--report=r.pdf', '--site', 'emg1= left calf ', '--site', 'acc1=arm',
      '--tag', 'a.csv=caffeine', '--tag', 'a.csv=stress', '--column', '2=EMG:mV', '--answer', 'weakness=no', '--context', 'muscle= left  soleus', '--rate', '1000',
      '--sensitivity', '0.6', '-q', '--anonymize', '--keep-time-of-day', 'b.csv',
    ]);
    expect(a).toMatchObject({
      command: 'analyze',
      files: ['a.csv', 'b.csv'],
      json: 'out.json',
      report: 'r.pdf',
      sites: { emg1: 'left calf', acc1: 'arm' },
      tags: { 'a.csv': ['caffeine', 'stress'] },
      columns: { '2': { kind: 'emg', unit: 'mV' } },
      answers: { weakness: 'no' },
      context: expect.objectContaining({ muscle: 'left soleus' }),
      rate: 1000,
      sensitivity: 0.6,
      quiet: true,
      anonymise: true,
      keepTimeOfDay: true,
      filtered: false,
    });
    expect(a).not.toHaveProperty('summary');
  });

  it('is help with no words, and a later --site for the same channel wins', () => {
    expect(parseArgs([]).command).toBe('help');
    expect(parseArgs(['analyze', '--site', 'emg1=a', '--site', 'emg1=b']).sites).toEqual({ emg1: 'b' });
  });

  it.each([
    [['analyze', '--nope'], 'unknown option --nope (see "twitchscope help")'],
    [['analyze', '-x'], 'unknown option -x (see "twitchscope help")'],
    [['analyze', 'a.csv', '--json'], '--json needs a value'],
    [['analyze', '--subject', '-me'], '--subject needs a value (one starting with "-" is written --subject=VALUE)'],
    [['analyze', '--quiet=yes'], '--quiet takes no value'],
    [['analyze', '--summary', 's.txt'], '--summary needs a file name ending in .csv'],
    [['analyze', '--edf', 'x.csv'], '--edf needs a file name ending in .edf (or .bdf)'],
    [['analyze', '--rate', '0'], '--rate 0: give the sample rate in Hz, e.g. --rate 1000'],
    [['analyze', '--sensitivity=2'], '--sensitivity 2: give a number from 0 (fewest events) to 1 (most)'],
    [['analyze', '--site', 'emg1'], '--site emg1: write it as CHANNEL=SITE'],
    [['analyze', '--column', '2=ecg'], '--column 2=ecg: write it as COLUMN=KIND[:UNIT]'],
    [['analyze', '--context', 'mood=ok'], '--context mood=ok: no field "mood"'],
    [['analyze', '--answer', 'nosuch=yes'], '--answer nosuch=yes: no checklist question "nosuch"'],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it('takes a value that starts with "-" when written with =', () => {
    expect(parseArgs(['analyze', '--subject=-me']).subject).toBe('-me');
  });
});
