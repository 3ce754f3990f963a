/** The intent files are missing or invalid; the message names each file and field. */
export class IntentFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid intent files:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'IntentFileError';
  }
}
