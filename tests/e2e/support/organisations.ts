// The people the end-to-end store holds besides the demo accounts: a second organisation whose people must never
// see the demo trust's records, and one demo-trust clinician per spec whose counts and "in progress" lists depend
// on what that spec alone did (the demo clinician is shared by every spec, so its history depends on their order).
export const OTHER_ORG = "Riverside Community Trust";
export const OTHER_ACCOUNTS = {
  clinician: "riverside.clinician@example.org",
  admin: "riverside.admin@example.org",
} as const;

export const LEARNERS = {
  myLearning: "learner.my-learning@example.org",
  practicePlace: "learner.practice-place@example.org",
  practice: "learner.practice@example.org",
  isolation: "learner.isolation@example.org",
  sayItFirst: "learner.say-it-first@example.org",
  spokenPrivacy: "learner.spoken-privacy@example.org",
  criticalErrors: "learner.critical-errors@example.org",
  trainingGaps: "learner.training-gaps@example.org",
  /** The clinician of live-role-play.spec.ts (the demo educator and admin act and observe). */
  live: "learner.live@example.org",
} as const;

/**
 * A scenario in the second organisation whose stored draft the editor cannot read (saved before drafts were checked):
 * draft-recovery.spec.ts opens its recovery view. It lives outside the demo trust so no other spec sees it.
 */
export const UNREADABLE_DRAFT = {
  id: "unreadable-draft",
  draft: { title: { not: "text" }, nodes: { opening: { lines: "not a list", choices: 5 } }, cast: 5 },
} as const;

/**
 * The team "who is missing training" is checked on: the training-gaps learner, one person invited who has never
 * signed in, an assignment already overdue (the assign form refuses past dates) and one due later.
 */
export const TRAINING_GAPS = {
  team: "Training Gaps E2E",
  invited: { email: "invited.training-gaps@example.org", name: "Invited Never Signed In" },
  overdueScenario: "housebound-carer-present",
  dueLaterScenario: "interpreter-limited-english",
} as const;
