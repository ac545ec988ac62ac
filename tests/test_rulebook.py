"""The rule files' cache: same contents as parsing the YAML, rebuilt when stale, never required."""

import datetime
import os

import yaml

from govstat.extract import rulebook


def test_every_rule_file_loads_as_the_yaml_parser_reads_it():
    for path in sorted(rulebook.RULES_DIR.glob("*.yaml")):
        expected = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader) or {}
        assert rulebook.load(path.stem) == expected, path.name


def test_cached_value_is_read_back_and_rebuilt_when_a_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSTAT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "a.yaml"
    source.write_text("x: 1\n")
    calls = []

    def build():
        calls.append(1)
        return {"x": [1, "二", None, 2.5, True], "n": len(calls)}

    first = rulebook.cached("t", [source], build)
    again = rulebook.cached("t", [source], build)
    assert first == again == {"x": [1, "二", None, 2.5, True], "n": 1}
    assert len(calls) == 1  # the second call read the cache
    source.write_text("x: 22\n")  # another size: another key
    assert rulebook.cached("t", [source], build)["n"] == 2


def test_unreadable_cache_or_unmarshallable_value_just_rebuilds(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSTAT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "a.yaml"
    source.write_text("x: 1\n")
    rulebook.cached("t", [source], lambda: {"v": 1})
    (cache,) = (tmp_path / "cache" / "govstat").iterdir()
    cache.write_bytes(b"\x00garbage")
    assert rulebook.cached("t", [source], lambda: {"v": 2}) == {"v": 2}
    day = datetime.date(2024, 1, 1)
    assert rulebook.cached("d", [source], lambda: {"d": day}) == {"d": day}
    assert not any(p.name.startswith("d-") for p in (tmp_path / "cache" / "govstat").iterdir())


def test_read_only_cache_folder_still_loads(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSTAT_CACHE_DIR", str(tmp_path / "missing" / "file"))
    (tmp_path / "missing").write_text("not a folder")
    source = tmp_path / "a.yaml"
    source.write_text("x: 1\n")
    assert rulebook.cached("t", [source], lambda: {"v": 3}) == {"v": 3}
    assert os.path.isfile(tmp_path / "missing")
