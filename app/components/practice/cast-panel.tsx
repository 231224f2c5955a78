// Who is on the call: an avatar tile per cast member, with the current speaker highlighted.
import type { CastView } from "~/services/practice-view.server";

const ROLE_LABEL: Record<string, string> = {
  patient: "Patient",
  carer: "Carer",
  interpreter: "Interpreter",
  family: "Family member",
  clinician: "Colleague",
  other: "On the call",
};

export function CastPanel({ cast, speakingId }: { cast: CastView[]; speakingId: string | null }) {
  return (
    <section className="ws-cast" aria-label="People on the call">
      <ul className={`ws-cast__grid ws-cast__grid--${Math.min(cast.length, 4)}`}>
        {cast.map((member) => {
          const speaking = member.id === speakingId;
          return (
            <li key={member.id} className={`ws-cast__tile${speaking ? " ws-cast__tile--speaking" : ""}`}>
              <span className="ws-avatar" style={{ backgroundColor: member.colour }} aria-hidden="true">
                {member.initials}
              </span>
              <span className="ws-cast__name">{member.name}</span>
              <span className="ws-cast__role">{ROLE_LABEL[member.role] ?? member.role}</span>
              {speaking ? <span className="ws-cast__speaking">Speaking</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
