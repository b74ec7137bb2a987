import type { z } from "zod";
import { ApiError } from "./api-error";
import { resultOf } from "./request";

/**
 * A multipart upload with progress (XMLHttpRequest rather than fetch: only XHR reports upload
 * progress), answered like any other call: typed data or an ApiError.
 */
export function uploadWithProgress<S extends z.ZodType>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  options: { schema: S; fallback: string },
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve(resultOf(xhr.status, xhr.response as unknown, options));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "The upload failed: check your connection and try again."));
    xhr.send(form);
  });
}
