/** The text the model gets when the command did not run at all. */
export function notRunMessage(
  verdict:
    | { type: 'rejected'; reason: string }
    | { type: 'declined' }
    | { type: 'unavailable'; reason: string },
): string {
  switch (verdict.type) {
    case 'rejected':
      return `exec command rejected: ${verdict.reason}`;
    case 'declined':
      return 'exec command rejected by user';
    case 'unavailable':
      return `exec command not run: ${verdict.reason}`;
  }
}
