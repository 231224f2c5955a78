// The authoring studio's library: the organisation's drafts, published and archived scenarios, bundled ones to
// duplicate, a new blank scenario, and importing a Twine, H5P or XState file with its report.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { refusalText } from "~/components/error-summary";
import { ImportPanel } from "~/components/studio/import-panel";
import { BundledScenarios, OrganisationScenarios } from "~/components/studio/library-lists";
import studioStyles from "~/styles/studio.scss?url";
import {
  createBlankScenario,
  duplicateBundledScenario,
  importScenarioFile,
  refuseOversizedImport,
  studioLibrary,
} from "~/services/studio-library.server";
import { UPLOAD_FORM_LIMIT, requireAuthor } from "~/services/studio.server";
import { intent, intents } from "~/utils/form-schemas";
import { parseForm } from "~/utils/forms.server";
import { BodyTooLargeError, readFormLimited } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Authoring studio | Webside" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: studioStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  return studioLibrary(context, viewer.org.id);
}

const libraryForm = intents([
  z.object({ intent: intent("new"), title: z.string().default("") }),
  z.object({ intent: intent("duplicate"), scenarioId: z.string().max(200) }),
  z.object({
    intent: intent("import"),
    file: z
      .instanceof(File, { error: "Choose a file to import." })
      .refine((file) => file.size > 0, "Choose a file to import."),
    format: z.string().max(20).default(""),
  }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  let formData: FormData;
  try {
    formData = await readFormLimited(request, UPLOAD_FORM_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return data(await refuseOversizedImport(context, viewer), { status: 413 });
    throw error;
  }
  const form = parseForm(libraryForm, formData);
  if (!form.ok) return form.response;
  const input = form.data;
  if (input.intent === "new")
    return redirect(`/studio/${(await createBlankScenario(context, viewer, input.title)).id}`);
  if (input.intent === "duplicate") {
    return redirect(`/studio/${(await duplicateBundledScenario(context, viewer, input.scenarioId)).id}`);
  }
  // The report stays on this page beside a link to the new draft, so the educator can read what to finish.
  const outcome = await importScenarioFile(context, viewer, input.file, input.format);
  return data(outcome, { status: outcome.created ? 200 : 400 });
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
        <ImportPanel
          outcome={result && "report" in result ? result : null}
          problem={result && "fieldErrors" in result ? refusalText(result) : null}
          busy={busy}
        />
      </div>

      <h2>Your organisation&apos;s scenarios</h2>
      <OrganisationScenarios mine={mine} />

      <h2>Bundled scenarios</h2>
      <p>These come with Webside. Duplicate one to adapt it for your organisation; the original stays as it is.</p>
      <BundledScenarios bundled={bundled} busy={busy} />
    </>
  );
}
