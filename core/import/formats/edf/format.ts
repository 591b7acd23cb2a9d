import type { BinaryFormatDef } from '../format';
import { familyOf } from './header';
import { readEdf } from './read';

export const edfFormat: BinaryFormatDef = {
  id: 'edf',
  name: 'EDF / EDF+',
  description: 'European Data Format (16-bit), with EDF+ annotations and discontinuous records: sleep labs, EEG/EMG systems, EDFbrowser, MNE',
  evidence: 'real',
  sniff: (first) => familyOf(first) === 'edf',
  read: readEdf,
};

export const bdfFormat: BinaryFormatDef = {
  id: 'bdf',
  name: 'BDF / BDF+',
  description: "BioSemi Data Format, EDF's 24-bit form (BioSemi ActiveTwo, EDFbrowser)",
  evidence: 'real',
  sniff: (first) => familyOf(first) === 'bdf',
  read: readEdf,
};
