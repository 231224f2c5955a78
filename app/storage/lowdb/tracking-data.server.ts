// The tracking collections of the lowdb data file (assignments, invitations, certificates, settings, the xAPI queue).
import type { Assignment, Certificate, Invitation, OrgSettings, XapiQueueItem } from "../types";

export interface TrackingData {
  assignments: Assignment[];
  invitations: Invitation[];
  certificates: Certificate[];
  orgSettings: OrgSettings[];
  xapiQueue: XapiQueueItem[];
}

export const TRACKING_COLLECTIONS = ["assignments", "invitations", "certificates", "orgSettings", "xapiQueue"] as const;

export function emptyTrackingData(): TrackingData {
  return { assignments: [], invitations: [], certificates: [], orgSettings: [], xapiQueue: [] };
}
