// The one rule both adapters use for "the same email address", so an account found in one is found in the other.

/** Lower-cased only: no trimming or provider-specific folding, which would merge addresses people consider distinct. */
export function normaliseEmail(email: string): string {
  return email.toLowerCase();
}
