// Where the practice room scrolls after a choice, so the learner keeps their place without scrolling themselves.

/**
 * The page's scroll position (document pixels) that shows all of the responses with the new turn's start still
 * above them; when both cannot fit (a phone, a long turn), the new turn's start goes to the top of the screen and
 * the responses are one scroll below it.
 */
export function scrollAfterChoice(place: {
  /** Top of the new patient turn, in document pixels. */
  turnTop: number;
  /** Bottom of the list of responses, in document pixels. */
  responsesBottom: number;
  viewportHeight: number;
  /** Height kept covered at the top of the screen (the phone's sticky self-view), so the turn starts below it. */
  topInset?: number;
  margin?: number;
}): number {
  const margin = place.margin ?? 8;
  const showTurn = place.turnTop - (place.topInset ?? 0) - margin;
  const showResponses = place.responsesBottom - place.viewportHeight + margin;
  return Math.max(0, Math.min(showTurn, showResponses));
}
