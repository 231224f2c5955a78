// Behavioural anchors for an observer's 1-5 rating of each competency in a live role-play: what 1, 3 and 5 look like.
import type { Competency } from "../competencies";

export interface RatingAnchors {
  /** What a 1 looks like; 2 and 4 lie between the anchors either side. */
  1: string;
  3: string;
  5: string;
}

/**
 * Written as things an observer can see or hear on the call, not as inferred traits, so two observers watching the
 * same consultation can agree. Each stays within what the competency covers in app/core/competencies.ts.
 */
export const COMPETENCY_ANCHORS: Readonly<Record<Competency, RatingAnchors>> = {
  rapport: {
    1: "Goes straight to the clinical agenda with no greeting or personal word; the patient is treated as a case.",
    3: "Greets the patient by name and is polite, but the warmth is formulaic and there is little interest in them as a person.",
    5: "Greets by name, makes brief genuine small talk and shows warmth in voice and face on camera; the patient relaxes.",
  },
  empathy: {
    1: "Misses or brushes aside the feelings the patient shows, reassures too early, or sounds judgemental.",
    3: "Acknowledges some feelings briefly but moves on before the patient seems understood.",
    5: "Names the feelings the patient shows, validates them without judgement, and lets them shape what happens next.",
  },
  listening: {
    1: "Interrupts, asks mostly closed questions, or follows their own agenda and misses the patient's cues.",
    3: "Lets the patient speak and asks some open questions, but rarely summarises or misses some cues.",
    5: "Asks open questions one at a time, lets the patient finish despite the delay, picks up cues, summarises and checks.",
  },
  information: {
    1: "Uses jargon or gives too much at once, and does not check what the patient has understood.",
    3: 'Mostly plain words in manageable amounts; checks understanding only with a closed question such as "OK?"',
    5: "Plain words in small chunks, built on what the patient already knows, with understanding checked by teach-back.",
  },
  "shared-decisions": {
    1: "Announces a plan without offering options or asking what matters to the patient.",
    3: "Offers options or asks about preferences, but the plan that results is mostly the clinician's.",
    5: "Says there is a choice, asks what matters to the patient, sets out the options and agrees a plan together; invites questions.",
  },
  culture: {
    1: "Overlooks language, cultural or health-literacy needs, or talks to the interpreter or relative instead of the patient.",
    3: "Recognises language or cultural needs but adapts only partly, e.g. long passages for the interpreter or untested assumptions.",
    5: "Speaks to the patient in short segments for the interpreter, asks about their beliefs and expectations, and checks understanding.",
  },
  boundaries: {
    1: "Does not establish who else can hear or whether the patient consents, or steps outside professional limits.",
    3: "Checks privacy or consent late or in part; keeps professional limits without explaining them.",
    5: "Early on confirms identity, privacy and consent to a video consultation; holds professional limits kindly and explains why.",
  },
  safety: {
    1: "Misses a red flag or does not act on it; no call-back number and no safety-netting.",
    3: "Recognises the risk and safety-nets, but vaguely: unclear which symptoms matter, whom to contact or how fast.",
    5: "Confirms location and a call-back number early, acts on red flags (in person or emergency care as needed), safety-nets specifically.",
  },
  tech: {
    1: "Flustered by a frozen picture or lost sound, or blames the patient; looks away without saying why; no backup plan.",
    3: "Copes with the problem but loses the thread or takes a while to recover; explains some of the times they look away.",
    5: "Agrees a backup plan early, names a technical problem calmly and recovers; says when they look away to take notes.",
  },
  group: {
    1: "Talks mainly with the most vocal member; quieter members are left out.",
    3: "Includes quieter members when prompted and limits a dominant voice with partial success.",
    5: "Invites quieter members by name, redirects dominant voices respectfully and links members' experiences so they support each other.",
  },
};

/** The final global rating, as in OSCE marking: the observer's overall judgement, independent of the items. */
export const GLOBAL_RATING_QUESTION = "Overall, how well did the clinician conduct this video consultation?";
export const GLOBAL_RATING_LABELS: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: "Fail",
  2: "Borderline",
  3: "Pass",
  4: "Good",
  5: "Excellent",
};
