"""The one repair `velocloud recover` makes to a `file://` (DIY) state backend: an empty checkpoint sidecar.

Pulumi's file backend writes through gocloud's `fileblob`, which keeps each file's metadata (a
content type and an MD5) in a sidecar `<file>.attrs`. It writes a checkpoint to a temporary file,
then truncates and rewrites the sidecar, and only then renames the checkpoint into place; a
SIGKILL between the truncation and the rewrite leaves an EMPTY `<stack>.json.attrs` beside the
last complete `<stack>.json`, and every later command on the project (`pulumi cancel`,
`stack select`, `stack ls`, ...) fails with "failed to load checkpoint: EOF". A missing sidecar
is accepted by the backend, so removing the empty one is the whole repair.

`empty_sidecars` finds, among the project's stack checkpoints (`.pulumi/stacks/<project>/` and
the legacy `.pulumi/stacks/`), each sidecar that is exactly 0 bytes beside a checkpoint that is
non-empty and parses (JSON, or gzipped JSON for `.json.gz`). `remove` deletes those (checking
each is still empty) and nothing else.

Not done: any other backend (cloud URLs are left alone); backups and history (`.pulumi/backups`,
`.pulumi/history`) are never touched; a non-empty sidecar, one beside an empty or unreadable
checkpoint, or any other damage is left as it is (an empty one beside a damaged checkpoint is
reported, not repairable).
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

CHECKPOINT_SUFFIXES = (".json", ".json.gz")
SIDECAR = ".attrs"


@dataclass(frozen=True)
class Sidecar:
    """An empty sidecar and the checkpoint it belongs to."""

    path: Path
    checkpoint: Path
    repairable: bool
    why: str


def backend_root(url: str) -> Path | None:
    """The folder of a `file://` backend URL (`file://~` is the home folder); None for others."""
    if not url.startswith("file://"):
        return None
    rest = unquote(urlparse(url).path if not url.startswith("file://~") else url[len("file://") :])
    rest = rest.split("?", 1)[0]
    return Path(os.path.expanduser(rest))


def project_name(project_dir: Path) -> str | None:
    """The `name:` of the project's Pulumi.yaml (None when there is none)."""
    for candidate in ("Pulumi.yaml", "Pulumi.yml"):
        path = project_dir / candidate
        if path.is_file():
            doc = yaml.safe_load(path.read_text())
            name = doc.get("name") if isinstance(doc, dict) else None
            return str(name) if name else None
    return None


def empty_sidecars(root: Path, project: str, stack: str | None = None) -> list[Sidecar]:
    """Every empty checkpoint sidecar of the project's stacks (only stack `stack` if given)."""
    folders = [root / ".pulumi" / "stacks" / project, root / ".pulumi" / "stacks"]
    wanted = stack.rsplit("/", 1)[-1] if stack else None
    found = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for sidecar in sorted(folder.glob(f"*{SIDECAR}")):
            checkpoint = sidecar.with_name(sidecar.name[: -len(SIDECAR)])
            name = _stack_of(checkpoint.name)
            if name is None or (wanted is not None and name != wanted) or not sidecar.is_file():
                continue
            if sidecar.stat().st_size != 0:
                continue
            why = _checkpoint_problem(checkpoint)
            found.append(
                Sidecar(sidecar, checkpoint, why is None, why or "the checkpoint beside it is intact")
            )
    return found


def remove(sidecar: Sidecar) -> bool:
    """Delete a repairable sidecar if it is still empty; whether it was deleted."""
    if not sidecar.repairable or not sidecar.path.is_file() or sidecar.path.stat().st_size != 0:
        return False
    sidecar.path.unlink()
    return True


def _stack_of(checkpoint_name: str) -> str | None:
    for suffix in CHECKPOINT_SUFFIXES:
        if checkpoint_name.endswith(suffix):
            return checkpoint_name[: -len(suffix)]
    return None  # a backup (`.json.bak`) or anything else: not ours to touch


def _checkpoint_problem(checkpoint: Path) -> str | None:
    """Why the checkpoint is not a complete one (None when it is)."""
    if not checkpoint.is_file() or checkpoint.stat().st_size == 0:
        return f"the checkpoint {checkpoint.name} is missing or empty"
    try:
        raw = checkpoint.read_bytes()
        json.loads(gzip.decompress(raw) if checkpoint.name.endswith(".gz") else raw)
    except (OSError, ValueError, EOFError) as exc:
        return f"the checkpoint {checkpoint.name} does not parse ({type(exc).__name__})"
    return None
