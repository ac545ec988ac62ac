"""The rule files' cache: same contents as parsing the YAML, rebuilt when stale, never required."""

import datetime
import os

import pytest
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


def test_versions_of_a_cache_older_than_a_day_are_removed_when_it_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSTAT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "govstat"
    folder.mkdir(parents=True)
    day_old = os.path.getmtime(folder) - rulebook.STALE_AFTER - 60
    for name in ("t-0000000000000000.marshal", "t-1111111111111111.pickle", "u-0000000000000000.marshal"):
        (folder / name).write_bytes(b"old")
        os.utime(folder / name, (day_old, day_old))
    (folder / "t-2222222222222222.marshal").write_bytes(b"recent: maybe another checkout's")
    source = tmp_path / "a.yaml"
    source.write_text("x: 1\n")
    assert rulebook.cached("t", [source], lambda: {"v": 1}) == {"v": 1}
    left = sorted(p.name for p in folder.iterdir())
    assert "t-0000000000000000.marshal" not in left and "t-1111111111111111.pickle" not in left
    assert "u-0000000000000000.marshal" in left and "t-2222222222222222.marshal" in left
    assert len([n for n in left if n.startswith("t-")]) == 2  # the recent one and the new one


def test_on_first_use_makes_each_value_once_when_looked_up():
    made = []
    lazy = rulebook.OnFirstUse({"a": lambda: made.append("a") or 1, "b": lambda: made.append("b") or 2})
    assert lazy["a"] == 1 and lazy["a"] == 1 and made == ["a"]  # built once, then a dict hit
    assert "b" in lazy and len(lazy) == 2 and list(lazy) == ["a", "b"] and made == ["a"]  # nothing made
    assert lazy.get("missing") is None and made == ["a"]
    with pytest.raises(KeyError):
        lazy["missing"]
    assert dict(lazy.items()) == {"a": 1, "b": 2} and lazy.get("b") == 2 and made == ["a", "b"]
