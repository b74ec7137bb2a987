import { json, publicRoute } from "@/lib/api/handler";
import { isDatabaseUp } from "@/lib/health/check-database";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const up = await isDatabaseUp();
  return json({ status: up ? "ok" : "degraded", db: up ? "ok" : "down" }, up ? 200 : 503);
});
