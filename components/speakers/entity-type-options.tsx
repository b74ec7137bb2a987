export const ENTITY_TYPES = [
  { value: "person", label: "Person" },
  { value: "organisation", label: "Organisation" },
  { value: "outlet", label: "Outlet" },
  { value: "document", label: "Document" },
  { value: "state", label: "State" },
] as const;

export function EntityTypeOptions() {
  return (
    <>
      {ENTITY_TYPES.map((t) => (
        <option key={t.value} value={t.value}>
          {t.label}
        </option>
      ))}
    </>
  );
}
