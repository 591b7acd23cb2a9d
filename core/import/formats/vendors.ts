/** Who makes the device or software behind each format id, for a format list grouped the way users look for it. */
const VENDOR: Record<string, string> = {
  'openbci-gui': 'OpenBCI',
  'openbci-gui-legacy': 'OpenBCI',
  brainflow: 'OpenBCI',
  opensignals: 'PLUX / BITalino',
  'delsys-trigno': 'Delsys',
  'noraxon-mr3': 'Noraxon',
  'shimmer-consensys': 'Shimmer',
  labchart: 'ADInstruments',
  'emg-text': 'Research EMG systems',
  'myo-emg': 'Thalmic (Myo)',
  'empatica-e4': 'Empatica',
  'polar-sensor-logger': 'Polar',
  movesense: 'Movesense',
  'garmin-acc': 'Garmin',
  'actigraph-actilife': 'ActiGraph',
  'axivity-csv': 'Axivity',
  geneactiv: 'Activinsights (GENEActiv)',
  'sensor-logger': 'Phone apps',
  phyphox: 'Phone apps',
  edf: 'Standard files',
  bdf: 'Standard files',
  csv: 'Standard files',
};

export interface FormatGroup {
  vendor: string;
  formats: Array<{ id: string; name: string }>;
}

/**
 * Formats grouped by vendor, groups in alphabetical order with the standard files last; the detected
 * format's group comes first, and the detected format first within it.
 */
export function formatGroups(formats: ReadonlyArray<{ id: string; name: string }>, detected: string | null): FormatGroup[] {
  const groups = new Map<string, FormatGroup>();
  for (const f of formats) {
    const vendor = VENDOR[f.id] ?? 'Other';
    const g = groups.get(vendor) ?? { vendor, formats: [] };
    g.formats.push({ id: f.id, name: f.name });
    groups.set(vendor, g);
  }
  const rank = (g: FormatGroup) => (g.formats.some((f) => f.id === detected) ? 0 : g.vendor === 'Standard files' ? 2 : 1);
  const out = [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.vendor.localeCompare(b.vendor));
  for (const g of out) g.formats.sort((a, b) => Number(b.id === detected) - Number(a.id === detected));
  return out;
}
