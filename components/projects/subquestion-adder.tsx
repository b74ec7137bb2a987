"use client";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { SUBQUESTION_PREFIX } from "@/lib/schema/checkworthy-subquestions";
import { useSchemaForm } from "./schema-form";

const QUESTION = /^[a-z][a-z0-9_]{0,27}$/u;

/**
 * Adds a CheckThat!-style check-worthiness sub-question to the sentence labels: a yes/no choice
 * named `checkworthy_<question>`, exported as its own column of checkworthy.tsv. Takes effect
 * when the label schema is saved.
 */
export function SubquestionAdder() {
  const { form } = useSchemaForm();
  const labels = useFieldArray({ control: form.control, name: "labelSchema.sentenceLabels" });
  const [question, setQuestion] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const q = question.trim().toLowerCase();
    const name = SUBQUESTION_PREFIX + q;
    if (!QUESTION.test(q)) setError("Use lower-case letters, digits and _ (at most 28), starting with a letter, e.g. verifiable");
    else if (form.getValues("labelSchema.sentenceLabels").some((a) => a.name.toLowerCase() === name)) setError(`"${name}" is already a sentence label`);
    else {
      labels.append({ name, kind: "choice", required: false, values: [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }] });
      setQuestion("");
      setError(null);
    }
  };
  return (
    <div style={{ margin: "0.5rem 0" }}>
      <div className="row">
        <label className="small" htmlFor="new-subquestion">Check-worthiness sub-question</label>
        <input
          id="new-subquestion"
          type="text"
          placeholder="e.g. verifiable"
          value={question}
          aria-invalid={!!error}
          onChange={(e) => setQuestion(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="secondary" onClick={add}>Add sub-question</button>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
