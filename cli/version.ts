import { version } from '../package.json';

/** The package's version; imported, so the built command line carries it wherever its file is cached. */
export function softwareVersion(): string {
  return version;
}
