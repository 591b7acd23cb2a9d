import { actigraphActilife } from './actigraph';
import { axivityCsv } from './axivity';
import { brainflowFile } from './brainflow';
import { delsysTrigno } from './delsys';
import { emgTextColumns } from './emg-text';
import { empaticaE4 } from './empatica';
import { bdfFormat, edfFormat } from './edf/format';
import type { BinaryFormatDef, FormatDef } from './format';
import { garminAcc } from './garmin';
import { geneActiv } from './geneactiv';
import { genericTable } from './generic';
import { labChart } from './labchart';
import { movesense } from './movesense';
import { myoArmband } from './myo';
import { noraxonMr3 } from './noraxon';
import { openbciGui, openbciLegacy } from './openbci';
import { phyphox } from './phyphox';
import { opensignals } from './plux';
import { polarSensorLogger } from './polar';
import { sensorLogger } from './sensor-logger';
import { shimmerConsensys } from './shimmer';

/** Every format the importer knows; detection asks each and the highest confidence wins (generic last). */
export const FORMATS: readonly FormatDef[] = [
  openbciGui,
  openbciLegacy,
  opensignals,
  delsysTrigno,
  shimmerConsensys,
  empaticaE4,
  polarSensorLogger,
  movesense,
  sensorLogger,
  phyphox,
  garminAcc,
  actigraphActilife,
  axivityCsv,
  myoArmband,
  emgTextColumns,
  labChart,
  noraxonMr3,
  brainflowFile,
  geneActiv,
  genericTable,
];

export function formatById(id: string): FormatDef | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** Binary formats, recognised by their first bytes before any text is looked at. */
export const BINARY_FORMATS: readonly BinaryFormatDef[] = [edfFormat, bdfFormat];

export function binaryFormatById(id: string): BinaryFormatDef | undefined {
  return BINARY_FORMATS.find((f) => f.id === id);
}

/** Every format, for listings and the import check's choice: binary first, then the text layouts. */
export const ALL_FORMATS: readonly Pick<FormatDef, 'id' | 'name' | 'description' | 'evidence'>[] = [...BINARY_FORMATS, ...FORMATS];
