// Staff import from a spreadsheet: upload a CSV, see every row checked, then confirm to add everyone, or the good rows
// with the others skipped (listed and downloadable), with a one-time set-password link for each new person.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AdminNav } from "~/components/admin/admin-nav";
import { ImportPreview, ImportResult } from "~/components/admin/import-preview";
import { ErrorSummary, refusalText } from "~/components/error-summary";
import { checkStaffCsv, csvTextFrom, importStaffCsv, staffCsvForm } from "~/services/staff-import.server";
import { requireRole } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Import staff | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "admin");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const form = parseForm(staffCsvForm, await request.formData());
  if (!form.ok) return form.response;
  const text = await csvTextFrom(form.data);
  if (typeof text !== "string")
    return data(
      { stage: "upload" as const, problem: text.problem, report: null, csv: null, imported: null },
      { status: 400 },
    );
  if (form.data.intent === "confirm") {
    const outcome = await importStaffCsv(context, viewer, text, new URL(request.url).origin, {
      skipProblems: form.data.skip === "yes",
    });
    if (!outcome.ok)
      return data(
        { stage: "preview" as const, problem: outcome.problem, report: outcome.report, csv: text, imported: null },
        { status: 400 },
      );
    return data({ stage: "done" as const, problem: null, report: null, csv: null, imported: outcome });
  }
  const report = await checkStaffCsv(context, viewer.org.id, text);
  return data(
    { stage: "preview" as const, problem: null, report, csv: text, imported: null },
    { status: report.ok ? 200 : 400 },
  );
}

export default function ImportStaffPage() {
  const result = useActionData<typeof action>();
  const staged = result && "stage" in result ? result : null;
  const problem = !result ? null : "stage" in result ? result.problem : refusalText(result);
  return (
    <>
      <AdminNav current="/admin/staff/import" />
      <h1>Import staff</h1>
      {problem ? (
        <ErrorSummary errors={[]} titleId="import-problem">
          <p>{problem}</p>
        </ErrorSummary>
      ) : null}
      {staged?.stage === "done" && staged.imported ? (
        <ImportResult {...staged.imported} />
      ) : staged?.stage === "preview" && staged.report ? (
        <ImportPreview report={staged.report} csv={staged.csv ?? ""} />
      ) : null}
      {staged?.stage !== "done" ? (
        <section className="ws-card" aria-labelledby="upload-heading">
          <h2 id="upload-heading" className="nhsuk-heading-m">
            {staged?.report ? "Upload a corrected file" : "Upload a CSV file"}
          </h2>
          <p>
            Save your spreadsheet as CSV with these columns on the first line: <code>email</code>, <code>name</code>,{" "}
            <code>team</code>, <code>roles</code>. Roles are clinician, educator or admin (several separated by{" "}
            <code>;</code>); leave roles empty for clinician. Teams that do not exist yet are created.
          </p>
          <p>Nothing is written until you have checked the preview and confirmed.</p>
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="preview" />
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="file">
                CSV file
              </label>
              <input className="nhsuk-file-upload" id="file" name="file" type="file" accept=".csv,text/csv" />
            </div>
            <button type="submit" className="nhsuk-button">
              Check the file
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
