import { runAnalytics } from "@/lib/analytics/run-analytics";
import { toCsv } from "@/lib/analytics/to-csv";
import { apiRoute, json } from "@/lib/api/handler";
import { queryRecord } from "@/lib/search/search-corpus";

type Params = { projectId: string; view: string };

/** A view as JSON, or with format=csv as a CSV download (one row per group). */
export const GET = apiRoute<Params>(async (request, user, { projectId, view }) => {
  const params = queryRecord(new URL(request.url).searchParams);
  const result = await runAnalytics(user, projectId, view, params);
  if (params.format !== "csv") return json(result);
  const rows = result.rows.map((row) => ({ ...row }) as Record<string, unknown>);
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.view}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
});
