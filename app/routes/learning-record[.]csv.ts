// /learning-record.csv: the signed-in person's own learning record as a spreadsheet.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { LEARNING_RECORD_HEADER, safeCell } from "~/core/tracking/export-rows";
import { requireViewer } from "~/utils/auth.server";
import { downloadResponse } from "~/services/exports.server";
import { learningRecord } from "~/services/learning-record.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const rows = await learningRecord(context, viewer);
  const body = stringify([
    LEARNING_RECORD_HEADER,
    ...rows.map((r) =>
      [
        r.completedAt,
        r.title,
        r.version,
        r.mode,
        r.overall,
        r.passed ? "yes" : "no",
        r.minutes,
        r.certificateCode,
        r.reflection,
        r.nominalMinutes,
        r.secondsTaken,
      ].map((v) => safeCell(v)),
    ),
  ]);
  return downloadResponse(body, "webside-learning-record.csv", "text/csv");
}
