// The conversation so far: each turn's lines, stage events and the clinician's replies, newest at the bottom.
import { useEffect, useRef } from "react";
import type { CastView, TurnView } from "~/services/practice-view.server";

const EVENT_ICON: Record<string, string> = {
  "audio-drop": "🔇",
  "video-freeze": "⏸",
  "connection-lost": "⚠",
  "someone-enters": "🚪",
  "background-noise": "🔊",
  "screen-share": "🖥",
  note: "ℹ",
};

export function Dialogue({
  turns,
  cast,
  showFeedback,
}: {
  turns: TurnView[];
  cast: CastView[];
  showFeedback: boolean;
}) {
  const box = useRef<HTMLElement>(null);
  const names = new Map(cast.map((c) => [c.id, c]));
  useEffect(() => {
    // Keep the newest turn in view inside the conversation box without scrolling the whole page: the end of the
    // conversation, unless the newest turn is taller than the box, then its start (so it is read from the top).
    const el = box.current;
    const newest = el?.querySelector<HTMLElement>("#current-turn");
    if (!el || !newest) return;
    const toEnd = el.scrollHeight - el.clientHeight;
    el.scrollTop = Math.min(toEnd, newest.offsetTop - el.offsetTop);
  }, [turns.length]);
  return (
    <section className="ws-dialogue" aria-label="Conversation" ref={box} tabIndex={0}>
      <ol className="ws-dialogue__list">
        {turns.map((turn, index) => (
          <li
            key={`${turn.nodeId}-${index}`}
            className="ws-turn"
            // The newest turn takes focus after each choice (see PracticeRoom), so it must be focusable.
            {...(index === turns.length - 1 ? { id: "current-turn", tabIndex: -1 } : {})}
          >
            {turn.events.map((event, i) => (
              <p key={`e${i}`} className={`ws-event ws-event--${event.kind}`}>
                <span aria-hidden="true">{EVENT_ICON[event.kind] ?? "ℹ"} </span>
                <span className="nhsuk-u-visually-hidden">Stage event: </span>
                {event.text}
              </p>
            ))}
            {turn.lines.map((line, i) => {
              const who = names.get(line.speaker);
              return line.speaker === "narrator" || !who ? (
                <p key={`l${i}`} className="ws-line ws-line--narrator">
                  {line.text}
                </p>
              ) : (
                <div key={`l${i}`} className="ws-line">
                  <span
                    className="ws-avatar ws-avatar--small"
                    style={{ backgroundColor: who.colour }}
                    aria-hidden="true"
                  >
                    {who.initials}
                  </span>
                  <p>
                    <strong className="ws-line__speaker">{who.name}:</strong> {line.text}
                  </p>
                </div>
              );
            })}
            {turn.chosen ? (
              <div className="ws-line ws-line--you">
                <p>
                  <strong className="ws-line__speaker">You:</strong> {turn.chosen.text}
                </p>
                {showFeedback && turn.chosen.feedback ? (
                  <p className="ws-feedback">
                    <strong>Why it matters: </strong>
                    {turn.chosen.feedback}
                  </p>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
