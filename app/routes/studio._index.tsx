// The authoring studio's library: the organisation's drafts, published and archived scenarios, bundled ones to
// duplicate, a new blank scenario, and importing a Twine, H5P or XState file with its report.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { importScenario, type ImportNote } from "~/core/interchange";
import { validateScenario, type Scenario } from "~/core/scenario";
import studioStyles from "~/styles/studio.scss?url";
import { formatDateTime } from "~/utils/format";
import { audit } from "~/utils/audit.server";
import { BodyTooLargeError, readFormLimited } from "~/utils/request-body.server";
import { bundledScenario, listBundledScenarios } from "~/utils/scenario-catalogue.server";
import { UPLOAD_FORM_LIMIT, blankScenario, createStudioScenario, requireAuthor } from "~/utils/studio.server";

export const meta: MetaFunction = () => [{ title: "Authoring studio | Webside" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: studioStyles }];

const STATUS_TAG = { draft: "ws-tag--yellow", published: "ws-tag--green", archived: "ws-tag--grey" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  const records = await context.store.listScenarioRecords(viewer.org.id);
  const mine = records.map((r) => {
    const draft = r.draft as Partial<Scenario> | null;
    const report = validateScenario(r.draft);
    return {
      id: r.id,
      title: typeof draft?.title === "string" ? draft.title : r.id,
      status: r.status,
      latestVersion: r.latestVersion,
      updatedAt: formatDateTime(r.updatedAt),
      errors: report.problems.filter((p) => p.severity === "error").length,
      source: r.source.kind,
    };
  });
  const bundled = listBundledScenarios().map((s) => ({
    id: s.id,
    title: s.title,
    version: s.version,
    summary: s.summary,
  }));
  return { mine, bundled };
}

type ActionResult = {
  intent: "import";
  error: string | null;
  report: ImportNote[];
  filename: string;
  created?: { id: string; title: string };
};

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  let form: FormData;
  try {
    form = await readFormLimited(request, UPLOAD_FORM_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      await audit(context, {
        type: "scenario.import.refused",
        orgId: viewer.org.id,
        actorId: viewer.user.id,
        detail: { reason: "too large" },
      });
      return data<ActionResult>(
        {
          intent: "import",
          error: "The file is larger than 256 KB, so it was not read. Split the story into smaller scenarios.",
          report: [],
          filename: "",
        },
        { status: 413 },
      );
    }
    throw error;
  }
  const intent = form.get("intent");
  if (intent === "new") {
    const title =
      String(form.get("title") ?? "")
        .trim()
        .slice(0, 120) || "Untitled scenario";
    const record = await createStudioScenario(context, viewer, {
      draft: blankScenario("", title),
      kind: "blank",
      detail: null,
    });
    return redirect(`/studio/${record.id}`);
  }
  if (intent === "duplicate") {
    const source = bundledScenario(String(form.get("scenarioId") ?? ""));
    if (!source) throw new Response("Not found", { status: 404 });
    const draft = {
      ...structuredClone(source),
      id: `${source.id}-custom`,
      title: `${source.title} (our version)`.slice(0, 120),
    };
    const record = await createStudioScenario(context, viewer, {
      draft,
      kind: "bundled",
      detail: `${source.id}@${source.version}`,
    });
    return redirect(`/studio/${record.id}`);
  }
  if (intent === "import") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return data<ActionResult>(
        { intent: "import", error: "Choose a file to import.", report: [], filename: "" },
        { status: 400 },
      );
    }
    const format = String(form.get("format") ?? "");
    const result = importScenario(new Uint8Array(await file.arrayBuffer()), {
      filename: file.name,
      format: format || undefined,
    });
    if (!result.draft || !result.format) {
      return data<ActionResult>(
        { intent: "import", error: "The file was not imported.", report: result.report, filename: file.name },
        { status: 400 },
      );
    }
    const record = await createStudioScenario(context, viewer, {
      draft: result.draft,
      kind: result.format,
      detail: file.name.slice(0, 200),
    });
    // The report stays on this page beside a link to the new draft, so the educator can read what to finish.
    return data<ActionResult>({
      intent: "import",
      error: null,
      report: result.report,
      filename: file.name,
      created: { id: record.id, title: String(result.draft.title ?? record.id) },
    });
  }
  return data<ActionResult>({ intent: "import", error: "Unknown action.", report: [], filename: "" }, { status: 400 });
}

export function ImportReport({ report }: { report: ImportNote[] }) {
  if (report.length === 0) return null;
  return (
    <table className="nhsuk-table ws-report">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">Import report</caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Where</th>
          <th scope="col">What happened</th>
        </tr>
      </thead>
      <tbody>
        {report.map((n, i) => (
          <tr key={i}>
            <td>
              <span
                className={`ws-tag ${n.severity === "error" ? "ws-tag--red" : n.severity === "warning" ? "ws-tag--yellow" : "ws-tag--blue"}`}
              >
                {n.severity}
              </span>
            </td>
            <td>{n.where}</td>
            <td>{n.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function StudioLibrary() {
  const { mine, bundled } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>Authoring studio</h1>
      <p className="nhsuk-body-l">
        Write and maintain your organisation&apos;s scenarios. Drafts are shared with every educator here; learners only
        see published versions.
      </p>
      <div className="ws-studio-start">
        <section className="ws-card" aria-labelledby="new-heading">
          <h2 id="new-heading" className="nhsuk-heading-s">
            Start a new scenario
          </h2>
          <Form method="post">
            <input type="hidden" name="intent" value="new" />
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="new-title">
                Title
              </label>
              <input className="nhsuk-input" id="new-title" name="title" maxLength={120} required />
            </div>
            <button type="submit" className="nhsuk-button" disabled={busy}>
              Create blank scenario
            </button>
          </Form>
        </section>
        <section className="ws-card" aria-labelledby="import-heading">
          <h2 id="import-heading" className="nhsuk-heading-s">
            Import from Twine, H5P or XState
          </h2>
          {result?.error ? (
            <div className="nhsuk-error-summary" role="alert" tabIndex={-1} aria-labelledby="import-error-title">
              <h3 className="nhsuk-error-summary__title" id="import-error-title">
                {result.error}
              </h3>
              {result.report
                .filter((n) => n.severity === "error")
                .map((n) => (
                  <p key={n.message} className="nhsuk-error-message">
                    {n.where}: {n.message}
                  </p>
                ))}
            </div>
          ) : null}
          {result?.created ? (
            <div className="ws-notice" role="status">
              Imported {result.filename} as a new draft.{" "}
              <a href={`/studio/${result.created.id}?imported=${encodeURIComponent(result.filename)}`}>
                Open {result.created.title} in the editor
              </a>
              {result.report.length > 0 ? "; the report below lists what did not map exactly." : "."}
            </div>
          ) : null}
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="import" />
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="import-file">
                File (at most 256 KB)
              </label>
              <span className="nhsuk-hint" id="import-file-hint">
                A Twee 3 file (.twee), an H5P Branching Scenario content.json, an XState machine (.json) or a Webside
                scenario (.json).
              </span>
              <input
                className="nhsuk-file-upload"
                id="import-file"
                name="file"
                type="file"
                accept=".twee,.tw,.json,text/plain,application/json"
                aria-describedby="import-file-hint"
                required
              />
            </div>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="import-format">
                Format
              </label>
              <select className="nhsuk-select" id="import-format" name="format" defaultValue="">
                <option value="">Work it out from the file</option>
                <option value="twee">Twine (Twee 3)</option>
                <option value="h5p">H5P Branching Scenario</option>
                <option value="xstate">XState machine JSON</option>
                <option value="json">Webside scenario JSON</option>
              </select>
            </div>
            <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={busy}>
              Import
            </button>
          </Form>
          {result?.report ? <ImportReport report={result.report} /> : null}
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">How Twine passages and tags are read</span>
            </summary>
            <div className="nhsuk-details__text">
              <ul>
                <li>
                  Each passage becomes a node and each link a choice: [[Go]], [[text-&gt;Target]], [[Target&lt;-text]]
                  and [[text|Target]] all work.
                </li>
                <li>
                  Start a line with <code>@maria:</code> to have Maria say it; the tag <code>speaker:maria</code> makes
                  her the passage&apos;s default speaker.
                </li>
                <li>
                  Tag endings <code>ending-good</code>, <code>ending-mixed</code> or <code>ending-poor</code>.
                </li>
                <li>
                  Tag a passage <code>effect:rapport+2</code> to score every choice that leads to it.
                </li>
              </ul>
            </div>
          </details>
        </section>
      </div>

      <h2>Your organisation&apos;s scenarios</h2>
      {mine.length === 0 ? (
        <p>None yet. Start a blank scenario, import one, or duplicate a bundled scenario below.</p>
      ) : (
        <table className="nhsuk-table">
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Status</th>
              <th scope="col">Published version</th>
              <th scope="col">Last saved</th>
              <th scope="col">Checks</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`/studio/${s.id}`}>{s.title}</a>
                  <br />
                  <span className="ws-muted">{s.id}</span>
                </td>
                <td>
                  <span className={`ws-tag ${STATUS_TAG[s.status]}`}>{s.status}</span>
                </td>
                <td>{s.latestVersion ?? "none yet"}</td>
                <td>{s.updatedAt}</td>
                <td>{s.errors === 0 ? "Ready to publish" : `${s.errors} error${s.errors === 1 ? "" : "s"} to fix`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Bundled scenarios</h2>
      <p>These come with Webside. Duplicate one to adapt it for your organisation; the original stays as it is.</p>
      <ul className="ws-card-grid nhsuk-list" aria-label="Bundled scenarios">
        {bundled.map((s) => (
          <li key={s.id} className="ws-card ws-scenario-card">
            <h3 className="nhsuk-heading-s">{s.title}</h3>
            <p>{s.summary}</p>
            <Form method="post" className="ws-scenario-card__meta">
              <input type="hidden" name="intent" value="duplicate" />
              <input type="hidden" name="scenarioId" value={s.id} />
              <button type="submit" className="nhsuk-button nhsuk-button--secondary ws-button--small" disabled={busy}>
                Duplicate to customise<span className="nhsuk-u-visually-hidden"> {s.title}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}
