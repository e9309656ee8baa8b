// Ids of the secret-scanners source, built in one place: the source, its join, and the node of one leaked value.

/** The source id of secret-scanner reports (gitleaks, trufflehog). */
export const SOURCE = 'secret-scanners';

/** The id of the join that marks the inventory's credentials a scanner found (the `source` of its records). */
export const JOIN_ID = 'join:secret-scanners';

/** The node of one leaked value: by fingerprint, so the same value in many findings and reports is one node. */
export function leakId(fingerprint: string): string {
  return `leak/${fingerprint}`;
}
