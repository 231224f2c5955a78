// Preview a draft with the real engine in the browser: jump to any node, see running scores; nothing is recorded.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { PreviewPlayer } from "~/components/studio/preview-player";
import type { Scenario } from "~/core/scenario";
import studioStyles from "~/styles/studio.scss?url";
import { previewOf, requireAuthor, requireStudioScenario } from "~/services/studio.server";

export const meta: MetaFunction = () => [{ title: "Preview | Authoring studio | Webside" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: studioStyles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  return previewOf(await requireStudioScenario(request, context, viewer, params.scenarioId));
}

export default function Preview() {
  const { id, scenario, errors } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="ws-muted">
        <a href={`/studio/${id}`}>Back to the editor</a>
      </p>
      <h1>Preview{scenario ? `: ${scenario.title}` : ""}</h1>
      <p>This plays the saved draft with the same engine learners use.</p>
      {scenario ? (
        <PreviewPlayer scenario={scenario as Scenario} />
      ) : (
        <ErrorSummary errors={[]} title="The saved draft has errors, so it cannot be played yet">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </ErrorSummary>
      )}
    </>
  );
}
