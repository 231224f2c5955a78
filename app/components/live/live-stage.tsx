// The video part of a live session page: this person's camera, and one video per colleague, joined peer to peer with
// app/live (media never passes through Webside; only the signalling does). Webside's presence, script and session
// messages make the page reload its data, so the lobby, the script and the buttons follow the others' actions.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { createPeerMesh, type PeerMesh, type PeerView } from "~/live/peer-mesh";
import { createSignallingClient } from "~/live/signalling-client";
import { createStageEffectsDriver } from "~/live/stage-effects-driver";

export interface LiveStageProps {
  sessionId: string;
  selfId: string;
  learnerId: string;
  iceServers: RTCIceServer[];
  names: Record<string, string>;
  /** Longer captions where a name is not enough (an actor of several patients: "Tom Okafor, as Pauline Hughes"). */
  captions?: Record<string, string>;
  /** The learner sees the patient large (observers small, like their own picture); the others see everyone alike. */
  layout: "learner" | "grid";
  /** The participants playing patients, whom the learner's layout shows large. */
  patientIds?: string[];
  /** Called when Webside says something changed (someone joined, the script moved, the session ended). */
  onServerChange(): void;
  /** The camera and microphone stream the call sends (null when the browser refused it), for the page's self-view. */
  onLocalStream?(stream: MediaStream | null): void;
  /** The page's own self-view (with its camera check), shown in place of the plain one. */
  self?: ReactNode;
}

function RemoteVideo({
  peer,
  name,
  caption,
  size,
}: {
  peer: PeerView;
  name: string;
  caption: string;
  size: "large" | "small" | "even";
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && peer.stream && ref.current.srcObject !== peer.stream) ref.current.srcObject = peer.stream;
  }, [peer.stream]);
  return (
    <figure className={`ws-live-video${size === "even" ? "" : ` ws-live-video--${size}`}`}>
      <video ref={ref} autoPlay playsInline data-peer={peer.participantId} aria-label={`${name}'s video`} />
      <figcaption>
        {caption}
        {peer.state === "connected" ? "" : ` (${peer.state})`}
      </figcaption>
    </figure>
  );
}

export function LiveStage(props: LiveStageProps) {
  const { sessionId, selfId, learnerId } = props;
  // By value: the page's data is reloaded on every change, and a new array must not tear the call down.
  const iceKey = JSON.stringify(props.iceServers);
  const selfRef = useRef<HTMLVideoElement>(null);
  const [peers, setPeers] = useState<PeerView[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState("Connecting…");
  const onChange = useRef(props.onServerChange);
  onChange.current = props.onServerChange;
  const onLocalStream = useRef(props.onLocalStream);
  onLocalStream.current = props.onLocalStream;

  useEffect(() => {
    let stopped = false;
    let mesh: PeerMesh | null = null;
    let close = () => {};
    void (async () => {
      let stream: MediaStream | null = null;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
      } catch {
        setProblem("Webside could not use your camera or microphone. Check your browser's permission, then reload.");
      }
      if (stopped) {
        stream?.getTracks().forEach((t) => t.stop());
        return;
      }
      if (selfRef.current && stream) selfRef.current.srcObject = stream;
      onLocalStream.current?.(stream);
      const driver = createStageEffectsDriver({
        selfId,
        learnerId,
        setOutgoingEffects: (peerId, effects) => mesh?.setOutgoingEffects(peerId, effects),
      });
      mesh = createPeerMesh({
        participantId: selfId,
        iceServers: JSON.parse(iceKey) as RTCIceServer[],
        localStream: stream,
        localMedia: { camera: stream !== null, microphone: stream !== null },
        send: (message) => client.send(message),
        onChange: () => setPeers(mesh ? mesh.peers() : []),
        onServerMessage: (message) => {
          if (message.type === "script") driver.onScript(message);
          if (message.type === "session") driver.onSession(message);
          if (message.type !== "resync") onChange.current();
        },
        onSuperseded: () => setProblem("This session is open in another window, so this one has stopped."),
      });
      let announced = false;
      const client = createSignallingClient({
        streamUrl: `/live/${sessionId}/events`,
        sendUrl: `/live/${sessionId}/signal`,
        onSignal: (signal) => mesh?.handle(signal),
        onStatus: (s) => {
          if (s.state === "open") {
            setStatus("Connected");
            if (!announced) {
              announced = true;
              mesh?.hello();
            }
          } else if (s.state === "closed") {
            setStatus(s.reason);
            onChange.current();
          } else setStatus("Reconnecting…");
        },
      });
      close = () => {
        mesh?.close();
        client.close();
        stream?.getTracks().forEach((t) => t.stop());
        onLocalStream.current?.(null);
      };
    })();
    return () => {
      stopped = true;
      close();
    };
  }, [sessionId, selfId, learnerId, iceKey]);

  const learnerView = props.layout === "learner";
  const isPatient = (peer: PeerView) => (props.patientIds ?? []).includes(peer.participantId);
  // On the clinician's screen the patient comes first, so on a phone they are at the top, not an observer.
  const ordered = learnerView ? [...peers].sort((a, b) => Number(isPatient(b)) - Number(isPatient(a))) : peers;
  return (
    <section className="ws-live-stage" aria-label="Video">
      {problem ? (
        <div className="ws-notice ws-notice--warning" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <p className="ws-muted" role="status">
        {status}
      </p>
      <div className="ws-live-videos">
        {ordered.map((peer) => (
          <RemoteVideo
            key={peer.participantId}
            peer={peer}
            name={props.names[peer.participantId] ?? "Colleague"}
            caption={props.captions?.[peer.participantId] ?? props.names[peer.participantId] ?? "Colleague"}
            size={!learnerView ? "even" : isPatient(peer) ? "large" : "small"}
          />
        ))}
        {props.self ?? (
          <figure className="ws-live-video ws-live-video--self">
            <video ref={selfRef} autoPlay playsInline muted aria-label="Your own camera" />
            <figcaption>You</figcaption>
          </figure>
        )}
      </div>
    </section>
  );
}
