"use client";
import { useEffect, useRef, useState } from "react";

export type TaskStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

/**
 * Polls `/api/v1/tasks/{taskId}` until the task is DONE or FAILED (retrying after a lost
 * connection) and calls `onFinished` once it ends. Pages keep the task id in the URL or derive it
 * from the server, so a reload resumes polling.
 */
export function useTaskPolling<T extends { status: TaskStatus }>(taskId: string, options: { notFoundMessage: string; onFinished?: (task: T) => void }) {
  const [task, setTask] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { notFoundMessage } = options;
  // The latest callback without restarting the polling loop when the parent re-renders.
  const onFinished = useRef(options.onFinished);
  useEffect(() => {
    onFinished.current = options.onFinished;
  });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const res = await fetch(`/api/v1/tasks/${taskId}`, { cache: "no-store" });
        const body = (await res.json()) as T & { error?: unknown };
        if (stopped) return;
        if (!res.ok) {
          const message = (body.error as { message?: string } | undefined)?.message;
          setError(message ?? notFoundMessage);
          return;
        }
        setTask(body);
        setError(null);
        if (body.status === "QUEUED" || body.status === "RUNNING") timer = setTimeout(poll, 700);
        else onFinished.current?.(body);
      } catch {
        if (stopped) return;
        setError("Connection lost; retrying…");
        timer = setTimeout(poll, 2000);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [taskId, notFoundMessage]);

  return { task, error };
}
