/** A key shown inside a button: takes the button's colours so it stays readable on any variant. */
export function KeyHint({ k }: { k: string }) {
  return <kbd style={{ background: "transparent", color: "inherit", borderColor: "currentColor", opacity: 0.8 }}>{k}</kbd>;
}
