"""Compare two versions of a list entity by entity, so that only what changed is re-screened.

Entities are matched on their list id (OFAC ent_num, UN DATAID, ...), which the authorities
keep stable across versions. Multi-valued fields are compared as sets: a reordered alias list
is not a change, a new alias is. The fields compared are the ones screening depends on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from screening.errors import ListFormatError
from screening.model import Designation, Entity, ListSource
from screening.update.fetch import (
    DEFAULT_SOURCES,
    MANIFEST_NAME,
    PREVIOUS_DIR,
    Verifier,
    default_verifier,
    read_manifest,
)

#: The fields compared, in the order they are reported.
FIELDS: tuple[str, ...] = (
    "schema",
    "names",
    "weak_names",
    "birth_dates",
    "countries",
    "programs",
    "designations",
    "identifiers",
)


@attrs.frozen(slots=True)
class FieldChange:
    """One field of one entity that differs: the full old and new values."""

    field: str
    old: tuple[str, ...]
    new: tuple[str, ...]

    @property
    def added(self) -> tuple[str, ...]:
        """Values in the new version only."""
        old = set(self.old)
        return tuple(v for v in self.new if v not in old)

    @property
    def removed(self) -> tuple[str, ...]:
        """Values in the old version only."""
        new = set(self.new)
        return tuple(v for v in self.old if v not in new)


@attrs.frozen(slots=True)
class EntityChange:
    """An entity present in both versions whose screened facts differ."""

    id: str
    caption: str
    fields: tuple[FieldChange, ...]

    def field(self, name: str) -> FieldChange | None:
        """The change to field ``name``, or ``None`` when that field did not change."""
        return next((f for f in self.fields if f.field == name), None)


@attrs.frozen(slots=True)
class ListDiff:
    """What changed between two versions of a list; empty when they screen the same."""

    added: tuple[Entity, ...]
    removed: tuple[Entity, ...]
    changed: tuple[EntityChange, ...]
    unchanged: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    @property
    def rescreen_ids(self) -> tuple[str, ...]:
        """Ids of entities that can produce new alerts: added and changed ones."""
        return tuple(e.id for e in self.added) + tuple(c.id for c in self.changed)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (see :meth:`to_json`)."""
        return _diff_to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        """The diff as JSON: a summary, then added, removed and changed entities."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def _designation(d: Designation) -> str:
    parts = [d.list_name or d.authority]
    details = [p for p in (d.listed_on, d.legal_basis) if p]
    return f"{parts[0]} ({'; '.join(details)})" if details else parts[0]


def _snapshot(entity: Entity) -> dict[str, tuple[str, ...]]:
    return {
        "schema": (entity.schema,),
        "names": entity.names,
        "weak_names": entity.weak_names,
        "birth_dates": entity.birth_dates,
        "countries": entity.countries,
        "programs": entity.programs,
        "designations": tuple(dict.fromkeys(_designation(d) for d in entity.sources)),
        "identifiers": tuple(
            dict.fromkeys(
                f"{i.kind}: {i.value}" + (f" ({i.country})" if i.country else "")
                for i in entity.identifiers
            )
        ),
    }


def _index(entities: Iterable[Entity]) -> dict[str, tuple[Entity, dict[str, tuple[str, ...]]]]:
    """Entities by id; a list that repeats an id is read as one entity with all the values."""
    index: dict[str, tuple[Entity, dict[str, tuple[str, ...]]]] = {}
    for entity in entities:
        snap = _snapshot(entity)
        if entity.id in index:
            first, merged = index[entity.id]
            snap = {k: tuple(dict.fromkeys(merged[k] + snap[k])) for k in FIELDS}
            entity = first
        index[entity.id] = (entity, snap)
    return index


def diff_lists(old: Sequence[Entity], new: Sequence[Entity]) -> ListDiff:
    """Entities added, removed and changed from ``old`` to ``new``, each sorted by id."""
    before = _index(old)
    after = _index(new)
    added = tuple(after[i][0] for i in sorted(after.keys() - before.keys()))
    removed = tuple(before[i][0] for i in sorted(before.keys() - after.keys()))
    changed = []
    unchanged = 0
    for entity_id in sorted(before.keys() & after.keys()):
        old_snap = before[entity_id][1]
        new_entity, new_snap = after[entity_id]
        fields = tuple(
            FieldChange(name, old_snap[name], new_snap[name])
            for name in FIELDS
            if set(old_snap[name]) != set(new_snap[name])
        )
        if fields:
            changed.append(EntityChange(entity_id, new_entity.caption, fields))
        else:
            unchanged += 1
    return ListDiff(added, removed, tuple(changed), unchanged)


# --- output ------------------------------------------------------------------------------------


def _entity_summary(entity: Entity) -> dict[str, Any]:
    snap = _snapshot(entity)
    return {"id": entity.id, "caption": entity.caption, **{k: list(v) for k, v in snap.items()}}


def _diff_to_dict(diff: ListDiff) -> dict[str, Any]:
    return {
        "summary": {
            "added": len(diff.added),
            "removed": len(diff.removed),
            "changed": len(diff.changed),
            "unchanged": diff.unchanged,
        },
        "added": [_entity_summary(e) for e in diff.added],
        "removed": [_entity_summary(e) for e in diff.removed],
        "changed": [
            {
                "id": c.id,
                "caption": c.caption,
                "fields": {
                    f.field: {
                        "old": list(f.old),
                        "new": list(f.new),
                        "added": list(f.added),
                        "removed": list(f.removed),
                    }
                    for f in c.fields
                },
            }
            for c in diff.changed
        ],
    }


def _cell(values: Iterable[str], width: int) -> str:
    text = "; ".join(values)
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(diff: ListDiff, *, width: int = 40) -> str:
    """A plain-text table, one row per added/removed entity and per changed field.

    For a changed field, ``old`` shows the values removed and ``new`` the values added, which is
    what a reviewer needs; the JSON form carries the full values.
    """
    header = ("change", "id", "name", "field", "old", "new")
    rows: list[tuple[str, ...]] = []
    for e in diff.added:
        rows.append(("added", e.id, _cell([e.caption], width), "", "", ""))
    for e in diff.removed:
        rows.append(("removed", e.id, _cell([e.caption], width), "", "", ""))
    for c in diff.changed:
        for i, f in enumerate(c.fields):
            rows.append(
                (
                    "changed" if i == 0 else "",
                    c.id if i == 0 else "",
                    _cell([c.caption], width) if i == 0 else "",
                    f.field,
                    _cell(f.removed, width),
                    _cell(f.added, width),
                )
            )
    summary = (
        f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed, "
        f"{diff.unchanged} unchanged"
    )
    if not rows:
        return f"no changes ({summary})"
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
        for r in (header, *rows)
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join([*lines, "", summary])


# --- loading the two versions ------------------------------------------------------------------


def _source_dir_primary(folder: Path) -> Path | None:
    """The primary file of a folder written by ``fetch`` (``DIR/<name>`` or its ``previous``)."""
    places = [(folder.parent, folder.name)]
    if folder.name == PREVIOUS_DIR:
        places.append((folder.parent.parent, folder.parent.name))
    for root, name in places:
        if not (root / MANIFEST_NAME).is_file():
            continue
        entry = read_manifest(root)["sources"].get(name)
        if isinstance(entry, Mapping) and entry.get("primary"):
            return folder / str(entry["primary"])
    present = {p.name for p in folder.iterdir() if p.is_file()}
    for source in DEFAULT_SOURCES.values():
        if all(f.filename in present for f in source.files):
            return folder / source.primary.filename
    visible = sorted(n for n in present if not n.startswith("."))
    if len(visible) == 1:
        return folder / visible[0]
    return None


def load_version(
    path: str | os.PathLike[str], *, loader: Verifier | None = None
) -> tuple[list[Entity], list[ListSource]]:
    """Entities of one version of a list, from a list file or a folder written by ``fetch``.

    A folder may be a source folder (``DIR/<name>`` or ``DIR/<name>/previous``), whose primary
    file is read with the rest of its set, or a whole fetch directory with a manifest, whose
    current sources are read together.
    """
    loader = loader or default_verifier
    p = Path(path)
    if p.is_file():
        entities, listed = loader(str(p))
        return entities, [listed]
    if not p.is_dir():
        raise ListFormatError("no such file or directory", path=str(p))
    if (p / MANIFEST_NAME).is_file():
        entities_all: list[Entity] = []
        sources: list[ListSource] = []
        for name, entry in sorted(read_manifest(p)["sources"].items()):
            primary = p / name / str(entry.get("primary", ""))
            if not primary.is_file():
                raise ListFormatError(
                    f"manifest names {name!r} but its file is missing", path=str(primary)
                )
            entities, listed = loader(str(primary))
            entities_all.extend(entities)
            sources.append(listed)
        return entities_all, sources
    primary = _source_dir_primary(p)
    if primary is None:
        raise ListFormatError(
            "cannot tell which file in this folder is the list; name the file instead",
            path=str(p),
        )
    entities, listed = loader(str(primary))
    return entities, [listed]
