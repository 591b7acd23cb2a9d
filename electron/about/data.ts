/** What the About box shows besides the version; produced at build time by `collect.ts`. */
export interface LicenceEntry {
  name: string;
  version: string;
  licence: string;
}

export interface SampleInfo {
  file: string;
}

export interface AboutData {
  licences: LicenceEntry[];
  samples: SampleInfo[];
  /** Where the bundled samples come from, in the samples' own words (opening sentence of samples/README.md). */
  samplesProvenance: string;
}

export interface AboutBox {
  title: string;
  message: string;
  detail: string;
}

export function aboutBox(appName: string, version: string, data: AboutData): AboutBox {
  const licences = data.licences.map((entry) => `  ${entry.name} ${entry.version} — ${entry.licence}`).join('\n');
  const samples = data.samples.map((sample) => `  ${sample.file}`).join('\n');
  const parts = [
    'Finds brief muscle twitches and longer cramp-like activity in EMG and accelerometer recordings, and reports ' +
      'them for you and your clinician. It describes signals; it does not diagnose.',
    `Included sample recordings:\n${samples || '  none'}\n${data.samplesProvenance}`.trimEnd(),
    `Open-source software inside ${appName}:\n${licences}`,
  ];
  return { title: `About ${appName}`, message: `${appName} ${version}`, detail: parts.join('\n\n') };
}
