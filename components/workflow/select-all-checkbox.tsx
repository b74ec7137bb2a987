"use client";
import { BULK_FORM_ID } from "./bulk-form-id";

/** Header checkbox: checks or clears every document checkbox of the bulk-assign form. */
export function SelectAllCheckbox() {
  return (
    <input
      type="checkbox"
      aria-label="Select all documents on this page"
      onChange={(e) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="documentIds"][form="${BULK_FORM_ID}"]`);
        boxes.forEach((box) => {
          box.checked = e.target.checked;
        });
      }}
    />
  );
}
