// The privacy promise in plain words: video stays on the device, and exactly which numbers Webside stores.

export function PrivacyStatement({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="ws-card ws-camera-privacy" aria-labelledby="camera-privacy-heading">
      <Heading id="camera-privacy-heading" className="nhsuk-heading-s">
        Your video never leaves this device
      </Heading>
      <p>
        Your camera picture and your voice are analysed here, in this browser. They are never recorded, and never sent
        to Webside or anyone else. Nothing is analysed unless the camera is switched on.
      </p>
      <p>When you practise with the camera on, Webside stores only these numbers with your attempt:</p>
      <ul>
        <li>
          the share of time you were well framed, and the share of time in each framing problem (off-centre, too close,
          too far, head cut off, camera above or below your eyes, turned away, not in view);
        </li>
        <li>the share of time your face was well lit, too dark, too bright, or had light behind it;</li>
        <li>the share of time you looked towards the camera while you were speaking, and while you were listening;</li>
        <li>
          for each step of the scenario and overall, plus one reading per second of these states for the timeline in
          your debrief.
        </li>
      </ul>
      <p className="ws-muted">
        No pictures, no sound and no measurements of your face are stored. The check on this page stores nothing at all.
      </p>
    </section>
  );
}
