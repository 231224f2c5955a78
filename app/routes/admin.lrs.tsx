// The organisation's Learning Record Store: where statements go (the password stays on the server), what is waiting
// to be sent and what failed, and the export downloads.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { LrsForm, LrsSaveResult } from "~/components/admin/lrs-form";
import { ExportDownloads, LrsQueue } from "~/components/admin/lrs-queue";
import { lrsConnectionSchema, lrsStatus, removeLrsConnection, saveLrsConnection } from "~/services/lrs.server";
import { requireRole } from "~/utils/auth.server";
import { intent, intents } from "~/utils/form-schemas";
import { formFailure, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "LRS and exports | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  return lrsStatus(context, viewer.org.id);
}

const lrsForm = intents([
  lrsConnectionSchema.extend({ intent: intent("save") }),
  z.object({ intent: intent("clear") }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const form = parseForm(lrsForm, await request.formData());
  if (!form.ok) return form.response;
  if (form.data.intent === "clear") {
    await removeLrsConnection(context, viewer);
    return {
      ok: true as const,
      connected: null,
      message: "The LRS connection was removed. Statements are no longer queued.",
    };
  }
  const saved = await saveLrsConnection(context, viewer, form.data);
  if (!saved.ok) return formFailure(400, { fieldErrors: saved.fieldErrors });
  return { ok: true as const, connected: saved.connection.ok, message: saved.connection.message };
}

export default function LrsPage() {
  const { lrs, pending, failing, sentRecently } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <AdminNav current="/admin/lrs" />
      <h1>LRS and exports</h1>
      {result?.ok ? <LrsSaveResult connected={result.connected} message={result.message} /> : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <LrsQueue connected={lrs !== null} pending={pending} sentRecently={sentRecently} failing={failing} />
          <ExportDownloads />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <LrsForm lrs={lrs} errors={result && !result.ok ? result.fieldErrors : {}} />
        </div>
      </div>
    </>
  );
}
