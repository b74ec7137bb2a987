import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";

// pg-boss workers poll (every half second at best). Whoever queues a job also NOTIFYs this
// channel with the queue's name; every worker process LISTENs and wakes its loops for that queue
// at once, so a job starts within milliseconds on whichever process is free. Polling remains the
// fallback (a notification sent while a listener reconnects is lost, the job is not).
export const WAKE_CHANNEL = "stancebench_jobs";

const holder = globalThis as unknown as { stancebenchWakeUp?: { client: pg.Client | null; stopped: boolean } };

/** Calls `onQueue(name)` whenever a job is queued on `name`, in any process; reconnects when the connection drops. */
export async function listenForJobs(onQueue: (queue: string) => void): Promise<void> {
  if (holder.stancebenchWakeUp) return;
  const state = { client: null as pg.Client | null, stopped: false };
  holder.stancebenchWakeUp = state;
  const connect = async () => {
    const client = new pg.Client({ connectionString: databaseUrl(), keepAlive: true });
    const retry = () => {
      if (state.client !== client || state.stopped) return;
      state.client = null;
      setTimeout(() => void connect().catch((e: unknown) => console.error("job wake-up listener failed", e)), 1000);
    };
    client.on("error", retry);
    client.on("end", retry);
    client.on("notification", (message) => {
      if (message.payload) onQueue(message.payload);
    });
    state.client = client;
    await client.connect();
    await client.query(`LISTEN ${WAKE_CHANNEL}`);
  };
  await connect();
}

export async function stopListening(): Promise<void> {
  const state = holder.stancebenchWakeUp;
  holder.stancebenchWakeUp = undefined;
  if (!state) return;
  state.stopped = true;
  await state.client?.end().catch(() => undefined);
}
