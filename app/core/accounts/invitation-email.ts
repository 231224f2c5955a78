// The wording of the invitation and new set-password emails (plain text: it reads the same in every mail client).
export type InvitationKind = "invitation" | "new-link";

export function invitationEmail(input: {
  name: string;
  orgName: string;
  link: string;
  kind: InvitationKind;
  days: number;
}): { subject: string; text: string } {
  const opening =
    input.kind === "invitation"
      ? `${input.orgName} has given you an account on Webside, where clinicians rehearse video consultations with simulated patients and get private feedback on their camera manner.`
      : `An administrator at ${input.orgName} has made you a new link to set your Webside password.`;
  return {
    subject: input.kind === "invitation" ? `Your Webside account at ${input.orgName}` : "Set your Webside password",
    text: [
      `Hello ${input.name},`,
      "",
      opening,
      "",
      `Choose your password with this link. It works once and lasts ${input.days} days:`,
      input.link,
      "",
      "If you were not expecting this email, you can ignore it: nothing happens until the link is used.",
      "",
      "Webside",
    ].join("\n"),
  };
}
