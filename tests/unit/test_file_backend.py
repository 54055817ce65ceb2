"""Which checkpoint sidecars `velocloud recover` may remove from a file backend (cli/file_backend.py)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from pulumi_velocloud.cli import file_backend

CHECKPOINT = json.dumps({"version": 3, "checkpoint": {"stack": "dev"}}).encode()
ATTRS = b'{"user.content_type":"application/json","md5":"x"}'


def _stacks(root: Path, project: str = "fleet") -> Path:
    folder = root / ".pulumi" / "stacks" / project
    folder.mkdir(parents=True)
    return folder


def test_backend_root_of_file_urls_only(tmp_path: Path) -> None:
    assert file_backend.backend_root(f"file://{tmp_path}") == tmp_path
    assert file_backend.backend_root(f"file://{tmp_path}?no_tmp_dir=true") == tmp_path
    assert file_backend.backend_root("file://~/state") == Path.home() / "state"
    assert file_backend.backend_root("https://api.pulumi.com") is None
    assert file_backend.backend_root("s3://bucket/state") is None


def test_only_an_empty_sidecar_beside_an_intact_checkpoint_is_repairable(tmp_path: Path) -> None:
    folder = _stacks(tmp_path)
    (folder / "dev.json").write_bytes(CHECKPOINT)
    (folder / "dev.json.attrs").write_bytes(b"")
    (folder / "dev.json.bak").write_bytes(CHECKPOINT)
    (folder / "dev.json.bak.attrs").write_bytes(b"")  # a backup's: never ours
    (folder / "prod.json").write_bytes(CHECKPOINT)
    (folder / "prod.json.attrs").write_bytes(ATTRS)  # not empty
    (folder / "torn.json").write_bytes(CHECKPOINT[:10])
    (folder / "torn.json.attrs").write_bytes(b"")  # the checkpoint itself is damaged
    (folder / "gone.json.attrs").write_bytes(b"")  # no checkpoint at all
    (folder / "zip.json.gz").write_bytes(gzip.compress(CHECKPOINT))
    (folder / "zip.json.gz.attrs").write_bytes(b"")
    other = _stacks(tmp_path, "other-project")
    (other / "dev.json").write_bytes(CHECKPOINT)
    (other / "dev.json.attrs").write_bytes(b"")

    found = {s.path.name: s for s in file_backend.empty_sidecars(tmp_path, "fleet")}
    assert sorted(found) == ["dev.json.attrs", "gone.json.attrs", "torn.json.attrs", "zip.json.gz.attrs"]
    assert [n for n, s in sorted(found.items()) if s.repairable] == ["dev.json.attrs", "zip.json.gz.attrs"]
    assert "does not parse" in found["torn.json.attrs"].why and "missing" in found["gone.json.attrs"].why

    only_dev = file_backend.empty_sidecars(tmp_path, "fleet", "org/fleet/dev")
    assert [s.path.name for s in only_dev] == ["dev.json.attrs"]

    assert file_backend.remove(found["dev.json.attrs"]) and not (folder / "dev.json.attrs").exists()
    assert not file_backend.remove(found["torn.json.attrs"]) and (folder / "torn.json.attrs").exists()
    (folder / "zip.json.gz.attrs").write_bytes(ATTRS)  # rewritten meanwhile: left alone
    assert not file_backend.remove(found["zip.json.gz.attrs"]) and (folder / "zip.json.gz.attrs").exists()
    assert (folder / "dev.json").read_bytes() == CHECKPOINT and (folder / "dev.json.bak.attrs").exists()
    assert (other / "dev.json.attrs").exists()


def test_legacy_layout_and_project_name(tmp_path: Path) -> None:
    legacy = tmp_path / ".pulumi" / "stacks"
    legacy.mkdir(parents=True)
    (legacy / "dev.json").write_bytes(CHECKPOINT)
    (legacy / "dev.json.attrs").write_bytes(b"")
    assert [s.repairable for s in file_backend.empty_sidecars(tmp_path, "fleet")] == [True]

    (tmp_path / "Pulumi.yaml").write_text("name: fleet\nruntime: python\n")
    assert file_backend.project_name(tmp_path) == "fleet"
    assert file_backend.project_name(tmp_path / "nowhere") is None
