"use client";
import { useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/api-client/api-error";
import { api } from "@/lib/api-client/endpoints";
import type { TaskDto, TaskStatus } from "@/lib/validation/tasks";

export type { TaskStatus };

/**
 * Polls `/api/v1/tasks/{taskId}` until the task is DONE or FAILED (retrying after a lost
 * connection) and calls `onFinished` once it ends. Pages keep the task id in the URL or derive it
 * from the server, so a reload resumes polling.
 */
export function useTaskPolling(taskId: string, options: { notFoundMessage: string; onFinished?: (task: TaskDto) => void }) {
  const [task, setTask] = useState<TaskDto | null>(null);
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
        const body = await api.getTask(taskId, notFoundMessage);
        if (stopped) return;
        setTask(body);
        setError(null);
        if (body.status === "QUEUED" || body.status === "RUNNING") timer = setTimeout(poll, 700);
        else onFinished.current?.(body);
      } catch (e) {
        if (stopped) return;
        // No answer: keep trying. An answer that refuses (gone, no access): stop and say so.
        if (e instanceof ApiError && e.code === "network") {
          setError("Connection lost; retrying…");
          timer = setTimeout(poll, 2000);
        } else {
          setError(e instanceof ApiError ? e.message : notFoundMessage);
        }
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
