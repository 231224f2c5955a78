// Switch the organisation the signed-in user is acting in (only to one they belong to).
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { switchOrganisation } from "~/services/accounts.server";
import { deny, requireViewer } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";

export async function loader() {
  return redirect("/");
}

const switchForm = z.object({ orgId: z.string({ error: "Choose an organisation" }).max(100) });

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const form = parseForm(switchForm, await request.formData());
  if (!form.ok) return form.response;
  if (!(await switchOrganisation(context, viewer, form.data.orgId))) {
    await deny(context, viewer, request, 403, "switch to an organisation the user does not belong to");
  }
  return redirect("/");
}
