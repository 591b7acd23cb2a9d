/**
 * Everything the command line prints goes through here. Labels, file names, cell text and messages quoting a
 * file come from files anyone can write, and a control character in them would act on the user's terminal
 * instead of showing: ESC starts an escape sequence (colours, cursor moves, window titles, on some terminals
 * more), BEL rings, NUL and CR hide what came before. Those are removed, with the C1 controls (U+0080–U+009F;
 * U+009B is an escape on some terminals) and the bidirectional overrides that make text read in another
 * order than it runs. Line feeds and tabs, which the program lays its output out with, stay.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(CONTROL, '');
}

export function say(text: string): void {
  process.stdout.write(printable(text));
}

export function warn(text: string): void {
  process.stderr.write(printable(text));
}

/** A progress line rewritten in place: the carriage return is the program's own, the text is cleaned. */
export function progressLine(text: string): void {
  process.stderr.write(`\r${printable(text)}`);
}
