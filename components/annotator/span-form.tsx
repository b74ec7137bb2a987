"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, type RefObject } from "react";
import { Controller, useForm, type FieldError, type FieldErrors } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { attributeFormSchema, formDefaultHolder, type AttributeValues, type OffsetRange, type StanceEntry } from "@/lib/annotator/attribute-form";
import type { SpanTypeDefinition } from "@/lib/schema/label-schema";
import { SpeakersPicker } from "./speakers-picker";
import { StanceEditor } from "./stance-editor";
import type { EntityDto } from "./types";
import { KeyHint } from "./key-hint";

export type SpanCommand = { attr: string; range: OffsetRange; seq: number };

type Props = {
  formId: string;
  type: SpanTypeDefinition;
  targets: string[];
  entities: EntityDto[];
  initial: AttributeValues;
  isNew: boolean;
  spanText: string;
  selection: OffsetRange | null;
  textOf: (range: OffsetRange) => string;
  command: SpanCommand | null;
  formRef: RefObject<HTMLFormElement | null>;
  readOnly: boolean;
  suggestedSpeaker: string | null;
  onSave: (values: AttributeValues) => void;
  onCancel: () => void;
  onDelete: (() => void) | null;
  onCreateEntity: ((name: string, type: string) => Promise<EntityDto | string>) | null;
};

function messageOf(error: FieldError | FieldErrors | undefined): string | undefined {
  if (!error) return undefined;
  if (typeof error.message === "string") return error.message;
  const root = (error as { root?: FieldError }).root;
  if (root?.message) return root.message;
  for (const value of Object.values(error)) {
    const nested = messageOf(value as FieldError);
    if (nested) return nested;
  }
  return undefined;
}

const attrLabel = (name: string) => name.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());

/** The attribute form of one span (react-hook-form + the zod schema built from the label schema). */
export function SpanForm(props: Props) {
  const { type, targets, initial, command, formRef } = props;
  const resolver = useMemo(() => zodResolver(attributeFormSchema(type, targets, initial)), [type, targets, initial]);
  const form = useForm<AttributeValues>({ resolver, defaultValues: initial });
  const { control, formState, setValue } = form;

  useEffect(() => {
    if (command && type.attributes.some((a) => a.name === command.attr && a.kind === "span")) {
      setValue(command.attr, command.range, { shouldValidate: true, shouldDirty: true });
    }
  }, [command, setValue, type]);
  useEffect(() => {
    if (!props.readOnly) formRef.current?.querySelector<HTMLElement>("select, input")?.focus();
  }, [formRef, props.readOnly]);

  return (
    <form id={props.formId} ref={formRef} noValidate data-testid="span-form" onSubmit={form.handleSubmit(props.onSave)}>
      <p style={{ marginTop: 0 }}>
        <span className="badge" style={{ background: `${type.color}22`, color: type.color }}>{type.label}</span>{" "}
        <span className="small">“{props.spanText.length > 160 ? `${props.spanText.slice(0, 160)}…` : props.spanText}”</span>
      </p>
      {/* min-width 0: a fieldset otherwise grows to its widest option and spills out of the panel. */}
      <fieldset disabled={props.readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        {type.attributes.map((def) => {
          const id = `attr-${def.name}`;
          const error = messageOf(formState.errors[def.name] as FieldError | undefined);
          const label = `${attrLabel(def.name)}${def.required ? "" : " (optional)"}`;
          if (def.kind === "choice") {
            const current = initial[def.name];
            return (
              <Field key={def.name} id={id} label={label} error={error}>
                <select id={id} aria-invalid={!!error} style={{ maxWidth: "100%" }} {...form.register(def.name)}>
                  <option value="">— choose —</option>
                  {def.values
                    .filter((v) => !v.retired || v.value === current)
                    .map((v) => (
                      <option key={v.value} value={v.value}>{v.label}</option>
                    ))}
                </select>
              </Field>
            );
          }
          if (def.kind === "stance") {
            return (
              <Field key={def.name} id={id} label={label} error={error}>
                <Controller
                  control={control}
                  name={def.name}
                  render={({ field }) => <StanceEditor id={id} value={(field.value as StanceEntry[]) ?? []} targets={targets} defaultHolder={formDefaultHolder(type)} onChange={field.onChange} disabled={props.readOnly} />}
                />
              </Field>
            );
          }
          if (def.kind === "entity") {
            return (
              <Field key={def.name} id={id} label={label} error={error}>
                <Controller
                  control={control}
                  name={def.name}
                  render={({ field }) => (
                    <SpeakersPicker
                      id={id}
                      value={Array.isArray(field.value) ? (field.value as string[]) : []}
                      entities={props.entities}
                      invalid={!!error}
                      onChange={field.onChange}
                      onCreate={props.readOnly ? null : props.onCreateEntity}
                      suggestedName={props.suggestedSpeaker ?? undefined}
                      disabled={props.readOnly}
                    />
                  )}
                />
              </Field>
            );
          }
          const key = def.name === "cue" ? "u" : def.name === "speakerMention" ? "m" : null;
          return (
            <Field key={def.name} id={id} label={label} error={error}>
              <Controller
                control={control}
                name={def.name}
                render={({ field }) => {
                  const range = field.value as OffsetRange | null;
                  return (
                    <div className="row" id={id} data-testid={`span-attr-${def.name}`}>
                      <span className="small" style={{ flex: 1 }}>{range ? `“${props.textOf(range)}”` : <span className="muted">not set</span>}</span>
                      <button type="button" className="secondary small" disabled={!props.selection} onClick={() => props.selection && field.onChange(props.selection)}>
                        Set from selection{key ? <> (<KeyHint k={key} />)</> : null}
                      </button>
                      {range ? (
                        <button type="button" className="link small" onClick={() => field.onChange(null)}>clear</button>
                      ) : null}
                    </div>
                  );
                }}
              />
            </Field>
          );
        })}
      </fieldset>
      {props.readOnly ? null : (
        <div className="row">
          <button type="submit">{props.isNew ? "Save span" : "Save changes"} (Enter)</button>
          <button type="button" className="secondary" onClick={props.onCancel}>Cancel (Esc)</button>
          {props.onDelete ? (
            <button type="button" className="danger" onClick={props.onDelete}>Delete (Del)</button>
          ) : null}
        </div>
      )}
    </form>
  );
}
