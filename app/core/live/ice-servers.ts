// The ICE_SERVERS setting: STUN and TURN servers the browsers may use to connect, given as JSON in the environment.
import { z } from "zod";

/** stun:, stuns:, turn: or turns:, then a host (and optional port and query); no spaces. */
const iceUrlSchema = z
  .string()
  .regex(
    /^(stun|stuns|turn|turns):[^\s]{1,250}$/,
    'Each ICE server URL starts with stun:, stuns:, turn: or turns:, e.g. "turn:turn.example.org:3478".',
  );

export const iceServerSchema = z
  .strictObject({
    urls: z.union([iceUrlSchema, z.array(iceUrlSchema).min(1).max(4)]),
    username: z.string().min(1).max(256).optional(),
    credential: z.string().min(1).max(256).optional(),
  })
  .refine(
    (server) => {
      const urls = Array.isArray(server.urls) ? server.urls : [server.urls];
      const turn = urls.some((url) => url.startsWith("turn"));
      return !turn || (server.username !== undefined && server.credential !== undefined);
    },
    { message: "A TURN server needs a username and a credential." },
  );

/** Empty means host candidates only: enough on one machine or a LAN, and nothing leaves the network. */
export const iceServersSchema = z.array(iceServerSchema).max(5, "List at most 5 ICE servers.");

export type IceServer = z.infer<typeof iceServersSchema>[number];

export type IceServersReading = { ok: true; servers: IceServer[] } | { ok: false; message: string };

/**
 * Reads ICE_SERVERS (unset or blank = none), e.g.
 * `[{"urls":"stun:turn.example.org:3478"},{"urls":"turn:turn.example.org:3478","username":"webside","credential":"..."}]`.
 * The message never repeats a credential.
 */
export function parseIceServers(raw: string | undefined): IceServersReading {
  if (raw === undefined || raw.trim() === "") return { ok: true, servers: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {
      ok: false,
      message: 'ICE_SERVERS is not valid JSON. Use a list such as [{"urls":"stun:turn.example.org:3478"}].',
    };
  }
  const parsed = iceServersSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join(".")})` : "";
    return { ok: false, message: `ICE_SERVERS is not valid${where}: ${issue?.message ?? "check its shape"}` };
  }
  return { ok: true, servers: parsed.data };
}
