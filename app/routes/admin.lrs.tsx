// The organisation's Learning Record Store: where statements go (the password stays on the server), what is waiting
// to be sent and what failed, and the export downloads.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { audit } from "~/utils/audit.server";
import { requireRole } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { TableHead } from "~/components/admin/table-head";

export const meta: MetaFunction = () => [{ title: "LRS and exports | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const [settings, pending, recent] = await Promise.all([
    context.store.getOrgSettings(viewer.org.id),
    context.store.listXapiQueue(viewer.org.id, { pending: true, limit: 500 }),
    context.store.listXapiQueue(viewer.org.id, { limit: 200 }),
  ]);
  const lrs = settings?.lrs ?? null;
  return {
    // Never the password: only whether one is saved.
    lrs: lrs ? { endpoint: lrs.endpoint, username: lrs.username, hasPassword: lrs.password.length > 0 } : null,
    pending: pending.length,
    failing: pending
      .filter((q) => q.lastError)
      .slice(0, 20)
      .map((q) => ({
        id: q.id,
        tries: q.tries,
        lastError: q.lastError!,
        nextTryAt: q.nextTryAt,
        verb: verbOf(q.statement),
      })),
    sentRecently: recent.filter((q) => q.sentAt).length,
  };
}

function verbOf(statement: unknown): string {
  const display = (statement as { verb?: { display?: Record<string, string> } } | null)?.verb?.display;
  return display ? (Object.values(display)[0] ?? "statement") : "statement";
}

const lrsSchema = z.object({
  endpoint: z
    .string()
    .trim()
    .url("Enter the LRS endpoint as a full address, e.g. https://lrs.example.nhs.uk/xapi/")
    .refine(
      (u) => /^https?:\/\//.test(u),
      "The endpoint must start with https:// (or http:// for a test LRS on this network)",
    )
    .max(500),
  username: z.string().trim().min(1, "Enter the LRS key or username").max(200),
  password: z.string().max(500),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const form = await request.formData();
  const now = context.now().toISOString();
  if (form.get("intent") === "clear") {
    await context.store.setLrsSettings(viewer.org.id, null, now);
    await audit(context, { type: "lrs.clear", orgId: viewer.org.id, actorId: viewer.user.id });
    return data({
      fieldErrors: {} as Record<string, string[] | undefined>,
      message: "The LRS connection was removed. Statements are no longer queued.",
    });
  }
  if (form.get("intent") !== "save") return data({ fieldErrors: {}, message: "Unknown action." }, { status: 400 });
  const parsed = lrsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return data(
      { fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>, message: null },
      { status: 400 },
    );
  const existing = (await context.store.getOrgSettings(viewer.org.id))?.lrs;
  // An empty password field keeps the saved one, because the page never shows it.
  const password = parsed.data.password || existing?.password || "";
  if (!password)
    return data({ fieldErrors: { password: ["Enter the LRS secret or password"] }, message: null }, { status: 400 });
  await context.store.setLrsSettings(
    viewer.org.id,
    { endpoint: parsed.data.endpoint, username: parsed.data.username, password },
    now,
  );
  await audit(context, {
    type: "lrs.save",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { endpoint: parsed.data.endpoint },
  });
  return data({ fieldErrors: {}, message: "Saved. Completed attempts will be sent to this LRS." });
}

export default function LrsPage() {
  const { lrs, pending, failing, sentRecently } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string[] | undefined> = result?.fieldErrors ?? {};
  const field = (
    id: "endpoint" | "username" | "password",
    label: string,
    props: Record<string, unknown>,
    hint?: string,
  ) => (
    <div className={`nhsuk-form-group${errors[id] ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {errors[id] ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {errors[id]![0]}
        </span>
      ) : null}
      <input
        className="nhsuk-input"
        id={id}
        name={id}
        autoComplete="off"
        aria-describedby={[hint ? `${id}-hint` : "", errors[id] ? `${id}-error` : ""].join(" ").trim() || undefined}
        {...props}
      />
    </div>
  );
  return (
    <>
      <AdminNav current="/admin/lrs" />
      <h1>LRS and exports</h1>
      {result?.message ? (
        <div className="ws-notice" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <section className="ws-card" aria-labelledby="queue-heading">
            <h2 id="queue-heading" className="nhsuk-heading-m">
              Sending to the LRS
            </h2>
            {!lrs ? (
              <p>No LRS is set up, so nothing is being sent. You can still download the statements below.</p>
            ) : null}
            <p data-testid="queue-summary">
              {pending} statement{pending === 1 ? "" : "s"} waiting to be sent; {sentRecently} of the last 200 sent.
            </p>
            <p className="ws-muted">
              Statements are sent in the background with retries that back off up to an hour. Clinicians are never kept
              waiting by the LRS.
            </p>
            {failing.length > 0 ? (
              <table className="nhsuk-table ws-table--compact" data-testid="queue-failures">
                <caption className="nhsuk-table__caption nhsuk-table__caption--s">
                  Statements that could not be sent yet
                </caption>
                <TableHead headings={["Statement", "Tries", "Last error", "Next try"]} />
                <tbody className="nhsuk-table__body">
                  {failing.map((f) => (
                    <tr className="nhsuk-table__row" key={f.id}>
                      <td className="nhsuk-table__cell">{f.verb}</td>
                      <td className="nhsuk-table__cell">{f.tries}</td>
                      <td className="nhsuk-table__cell ws-break">{f.lastError}</td>
                      <td className="nhsuk-table__cell">{formatDateTime(f.nextTryAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
          <section className="ws-card" aria-labelledby="downloads-heading">
            <h2 id="downloads-heading" className="nhsuk-heading-m">
              Downloads
            </h2>
            <ul className="nhsuk-list">
              <li>
                <a href="/admin/export.csv" download>
                  Completion CSV
                </a>
                : one row per person per assignment.
              </li>
              <li>
                <a href="/admin/export.xapi.json" download>
                  xAPI statements (JSON)
                </a>
                : every completed attempt, xAPI 1.0.3.
              </li>
            </ul>
            <p className="ws-muted">Every download is recorded in the audit log.</p>
          </section>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <section className="ws-card" aria-labelledby="lrs-heading">
            <h2 id="lrs-heading" className="nhsuk-heading-s">
              LRS connection
            </h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="save" />
              {field(
                "endpoint",
                "Endpoint",
                { type: "url", defaultValue: lrs?.endpoint ?? "", spellCheck: false },
                "The xAPI endpoint; statements are posted to its /statements.",
              )}
              {field("username", "Key or username", { defaultValue: lrs?.username ?? "", spellCheck: false })}
              {field(
                "password",
                "Secret or password",
                { type: "password" },
                lrs?.hasPassword ? "A secret is saved. Leave this empty to keep it." : undefined,
              )}
              <button type="submit" className="nhsuk-button">
                Save
              </button>
            </Form>
            {lrs ? (
              <Form method="post">
                <input type="hidden" name="intent" value="clear" />
                <button type="submit" className="nhsuk-button nhsuk-button--secondary">
                  Remove the LRS
                </button>
              </Form>
            ) : null}
          </section>
        </div>
      </div>
    </>
  );
}
