// The fixed list of therapeutic-relationship competencies that scenarios score, with the words the UI and debrief use.

export const COMPETENCIES = [
  "rapport",
  "empathy",
  "listening",
  "information",
  "shared-decisions",
  "culture",
  "boundaries",
  "safety",
  "tech",
  "group",
] as const;

export type Competency = (typeof COMPETENCIES)[number];

export interface CompetencyInfo {
  /** Short human label, e.g. for chart axes and filter chips. */
  label: string;
  /** One line saying what the competency covers. */
  description: string;
  /** Concrete things to try next time, shown in the debrief for the weakest competencies. */
  tips: readonly string[];
}

export const COMPETENCY_INFO: Readonly<Record<Competency, CompetencyInfo>> = {
  rapport: {
    label: "Rapport",
    description: "Building trust and warmth on video: a personal greeting, small talk, showing you are glad they came.",
    tips: [
      "Open with the person's name and a brief, genuine personal remark before any clinical questions.",
      "Tell the patient what you can see and hear on your side so the screen does not feel like a wall.",
      "Close by thanking them for their time and saying when you will next speak.",
    ],
  },
  empathy: {
    label: "Empathy",
    description: "Noticing and validating feelings without judgement, and saying so out loud.",
    tips: [
      'Name the emotion you notice ("That sounds frightening") before moving on to facts.',
      'Replace advice that starts with "you should" with curiosity: "What has made that hard?"',
      "Leave a short pause after difficult news; on video, silence reads as attention if you keep looking at the camera.",
    ],
  },
  listening: {
    label: "Active listening",
    description:
      "Greeting, respectful listening, review, request and reward (GRRRR): reflecting and clarifying what you heard.",
    tips: [
      'Summarise what you heard in one or two sentences and ask "Have I got that right?"',
      "Ask one open question at a time and let the person finish, allowing for audio delay.",
      "Reflect back a key word the patient used rather than translating it into clinical language.",
    ],
  },
  information: {
    label: "Clear information",
    description: "Explaining clearly in plain words and checking understanding, for example with teach-back.",
    tips: [
      'Give information in small chunks and check after each: "What will you tell your family about this?"',
      "Use the screen: share a simple diagram or type the key points into the chat.",
      "Avoid jargon; if you must use a medical word, explain it in the same sentence.",
    ],
  },
  "shared-decisions": {
    label: "Shared decisions",
    description:
      "Laying out options, learning the patient's goals, encouraging questions and agreeing a plan together.",
    tips: [
      "Say explicitly that there is a choice to make and that their view matters.",
      "Ask what matters most to them before describing the options in detail.",
      'End by agreeing one next step in their words and inviting questions: "What else would you like to ask?"',
    ],
  },
  culture: {
    label: "Cultural competence",
    description: "Respecting culture and language, working well with interpreters and adapting to health literacy.",
    tips: [
      "Speak to the patient, not the interpreter, and keep sentences short so they can be interpreted accurately.",
      "Ask how the patient understands their illness and what they expect from treatment.",
      'Check understanding with teach-back rather than "Do you understand?"',
    ],
  },
  boundaries: {
    label: "Boundaries and consent",
    description: "Professional and ethical boundaries, consent, confidentiality and knowing who else is in the room.",
    tips: [
      "At the start, ask who else is in the room or can hear, and whether the patient is happy to continue.",
      "Decline personal contact (social media, private numbers) kindly, and explain the reason and the proper channel.",
      "Ask permission before discussing sensitive topics when others are present, and offer another time.",
    ],
  },
  safety: {
    label: "Safety",
    description: "Recognising red flags, safety-netting and knowing when to switch to in-person or emergency care.",
    tips: [
      "Confirm the patient's exact location and a call-back number at the start of every video consultation.",
      "When a red flag appears, say clearly what you are worried about and what happens next, then act.",
      "Finish with specific safety-netting: which symptoms, who to contact, and how quickly.",
    ],
  },
  tech: {
    label: "Webside manner",
    description:
      "Running the call well: setting up, recovering calmly from a frozen screen or mute, saying when you look away.",
    tips: [
      "Agree a backup plan (a phone number) before the clinical conversation starts, in case the call drops.",
      "When the audio or video fails, say calmly what you noticed and what you will do; do not blame the patient.",
      "Tell the patient when you look away to write notes so they do not read it as disinterest.",
    ],
  },
  group: {
    label: "Group facilitation",
    description:
      "Managing group dynamics on video: including quieter members, handling dominant voices, fostering peer support.",
    tips: [
      "Invite quieter members by name with an easy, open question, and give them time to unmute.",
      "Acknowledge a dominant speaker's point, then redirect: \"Thank you, I'd like to hear from others too.\"",
      "Link people's experiences to each other so the group supports itself, not only you.",
    ],
  },
};

/** True when `value` is one of the fixed competency ids. */
export function isCompetency(value: unknown): value is Competency {
  return typeof value === "string" && (COMPETENCIES as readonly string[]).includes(value);
}
