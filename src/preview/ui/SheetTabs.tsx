/** Sheet tabs: click to switch, double-click to rename, + to add a sheet. */
import { useState } from "react";

export interface SheetTabsProps {
  readonly names: readonly string[];
  readonly active: number;
  readonly onSelect: (index: number) => void;
  readonly onAdd: () => void;
  readonly onRename: (index: number, name: string) => void;
}

export function SheetTabs({ names, active, onSelect, onAdd, onRename }: SheetTabsProps) {
  const [renaming, setRenaming] = useState<number | null>(null);
  return (
    <nav className="sheet-tabs" aria-label="Sheets" data-region>
      {names.map((name, index) =>
        renaming === index ? (
          <input
            key={name}
            className="tab-rename"
            aria-label="Sheet name"
            autoFocus
            defaultValue={name}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                onRename(index, event.currentTarget.value);
                setRenaming(null);
              }
              if (event.key === "Escape") setRenaming(null);
            }}
            onBlur={() => setRenaming(null)}
          />
        ) : (
          <button
            key={name}
            role="tab"
            aria-selected={index === active}
            className={index === active ? "tab active" : "tab"}
            onClick={() => onSelect(index)}
            onDoubleClick={() => setRenaming(index)}
          >
            {name}
          </button>
        ),
      )}
      <button className="tab add" aria-label="Add sheet" onClick={onAdd}>
        +
      </button>
    </nav>
  );
}
