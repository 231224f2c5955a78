// The second organisation the end-to-end store holds, so isolation between trusts can be tested in the browser.
export const OTHER_ORG = "Riverside Community Trust";
export const OTHER_ACCOUNTS = {
  clinician: "riverside.clinician@example.org",
  admin: "riverside.admin@example.org",
} as const;
