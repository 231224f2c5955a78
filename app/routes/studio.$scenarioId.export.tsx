// Downloads the saved draft as JSON, Twee 3 or XState JSON (only once it validates, so the file always re-imports).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { EXPORT_FORMATS, exportScenario, type ExportFormat } from "~/core/interchange";
import { validateScenario } from "~/core/scenario";
import { audit } from "~/services/audit.server";
import { requireAuthor, requireStudioScenario } from "~/services/studio.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  const record = await requireStudioScenario(request, context, viewer, params.scenarioId);
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return new Response(`Unknown format '${format}'. Use one of: ${EXPORT_FORMATS.join(", ")}.`, { status: 400 });
  }
  const report = validateScenario(record.draft);
  if (!report.ok || !report.scenario) {
    return new Response("The draft has errors; fix them in the editor before exporting.", {
      status: 409,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const file = exportScenario(report.scenario, format as ExportFormat);
  await audit(context, {
    type: "scenario.export",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { scenarioId: record.id, format },
  });
  return new Response(file.text, {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Disposition": `attachment; filename="${record.id}.${file.extension}"`,
      "Cache-Control": "no-store",
    },
  });
}
