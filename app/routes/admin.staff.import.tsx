// Staff import from a spreadsheet: upload a CSV, see every row checked, then confirm to add everyone or nobody,
// with a one-time set-password link for each new person.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AdminNav } from "~/components/admin/admin-nav";
import { ImportPreview, ImportResult } from "~/components/admin/import-preview";
import { requireRole } from "~/utils/auth.server";
import { checkStaffCsv, csvTextFrom, importStaffCsv } from "~/utils/staff-import.server";

export const meta: MetaFunction = () => [{ title: "Import staff | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "admin");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const form = await request.formData();
  const text = await csvTextFrom(form);
  if (typeof text !== "string")
    return data(
      { stage: "upload" as const, problem: text.problem, report: null, csv: null, imported: null },
      { status: 400 },
    );
  if (form.get("intent") === "confirm") {
    const outcome = await importStaffCsv(context, viewer, text, new URL(request.url).origin);
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
  return (
    <>
      <AdminNav current="/admin/staff/import" />
      <h1>Import staff</h1>
      {result?.problem ? (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="import-problem" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="import-problem">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{result.problem}</p>
          </div>
        </div>
      ) : null}
      {result?.stage === "done" && result.imported ? (
        <ImportResult people={result.imported.people} teamsCreated={result.imported.teamsCreated} />
      ) : result?.stage === "preview" && result.report ? (
        <ImportPreview report={result.report} csv={result.csv ?? ""} />
      ) : null}
      {result?.stage !== "done" ? (
        <section className="ws-card" aria-labelledby="upload-heading">
          <h2 id="upload-heading" className="nhsuk-heading-m">
            {result?.report ? "Upload a corrected file" : "Upload a CSV file"}
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
