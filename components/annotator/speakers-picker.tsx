"use client";
import { SpeakerPicker } from "./speaker-picker";
import type { EntityDto } from "./types";

type Props = {
  id: string;
  value: string[];
  entities: EntityDto[];
  invalid: boolean;
  onChange: (ids: string[]) => void;
  onCreate: ((name: string, type: string) => Promise<EntityDto | string>) | null;
  suggestedName?: string;
  disabled?: boolean;
};

/**
 * The speakers of a quote, in order: one for most quotes, several for a joint statement ("the two
 * leaders said"). The picker below the list adds one (chosen or created inline); each listed
 * speaker can be removed.
 */
export function SpeakersPicker(props: Props) {
  const byId = new Map(props.entities.map((e) => [e.id, e]));
  const { value, onChange } = props;
  return (
    <div data-testid="speakers">
      {value.length > 0 ? (
        <ol style={{ margin: "0 0 0.35rem", paddingLeft: "1.2rem" }} aria-label="Speakers">
          {value.map((id, i) => {
            const entity = byId.get(id);
            return (
              <li key={id} data-testid="speaker-item">
                <span>{entity ? `${entity.name} · ${entity.type}` : "(unknown speaker)"}</span>{" "}
                <button
                  type="button"
                  className="link small"
                  disabled={props.disabled}
                  aria-label={`Remove speaker ${entity?.name ?? i + 1}`}
                  onClick={() => onChange(value.filter((x) => x !== id))}
                >
                  remove
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      <SpeakerPicker
        id={props.id}
        value=""
        placeholder={value.length > 0 ? "— add another speaker —" : "— choose a speaker —"}
        entities={props.entities.filter((e) => !value.includes(e.id))}
        invalid={props.invalid}
        onChange={(id) => id && !value.includes(id) && onChange([...value, id])}
        onCreate={props.onCreate}
        suggestedName={value.length === 0 ? props.suggestedName : undefined}
      />
    </div>
  );
}
